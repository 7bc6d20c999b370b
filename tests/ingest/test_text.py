"""Pasted text → article: the cleaner on whole pages and on small shapes of page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.ingest.text import read_text

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def seed():
    return read_text((FIXTURES / "seed_nysun.txt").read_text(encoding="utf-8"))


def test_seed_headline_block(seed):
    assert seed.title == "‘We Are Killing Civilians and Children’: Russian Soldier"
    assert seed.dek.startswith("To the Kremlin’s probable dismay,")
    assert seed.dek.endswith("in Ukraine.")
    assert seed.image_caption.startswith("Civilians walk past a tank")
    assert seed.image_caption.endswith("at Mariupol April 19, 2022.")
    assert seed.image_credit == "AP/Alexei Alexandrov"


def test_seed_source_from_masthead_and_no_date(seed):
    assert seed.source == "The New York Sun"
    assert seed.date is None, "a caption's date or a copyright year is not the publication date"


def test_seed_body_is_exactly_the_sixteen_paragraphs(seed):
    texts = [block.text for block in seed.blocks]
    assert len(texts) == 16, texts
    assert texts[0].startswith("A Russian soldier said")
    assert texts[-1].startswith("Fellow NATO-member Norway")
    assert all(block.kind == "p" for block in seed.blocks)
    # The body paragraph that repeats the dek's sentence stays in the body.
    assert any(t.startswith("To the Kremlin’s probable dismay,") for t in texts)


@pytest.mark.parametrize(
    "furniture",
    ["© 2024", "Terms of Use", "Sign in or", "By continuing you agree", "The New York Sun"],
)
def test_seed_body_has_no_footer(seed, furniture):
    body = "\n".join(block.text for block in seed.blocks)
    assert furniture not in body


PAGE = """Home
World
Politics
Sign In
Mayor opens the new river bridge after two years of work
The city’s second crossing is meant to ease traffic on the old span.
By Jane Doe
Published March 3, 2021 at 9:15 am
The mayor cut the ribbon on Tuesday morning in front of a crowd of several hundred people.
“It was worth the wait,” she said.
Advertisement
Engineers said the bridge would carry about 20,000 vehicles a day once the approach roads open.
Share this article
Facebook
Twitter
Most Popular
Council approves budget
Storm closes schools
© 2021 Riverside Daily Media Inc. All rights reserved.
"""


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "Mayor opens the new river bridge after two years of work"),
        ("dek", "The city’s second crossing is meant to ease traffic on the old span."),
        ("author", "Jane Doe"),
        ("date", "2021-03-03"),
        ("source", "Riverside Daily"),
    ],
)
def test_headline_block_fields(field, expected):
    assert getattr(read_text(PAGE), field) == expected


def test_short_quote_kept_and_ad_dropped():
    body = [block.text for block in read_text(PAGE).blocks]
    assert body == [
        "The mayor cut the ribbon on Tuesday morning in front of a crowd of several hundred "
        "people.",
        "“It was worth the wait,” she said.",
        "Engineers said the bridge would carry about 20,000 vehicles a day once the approach "
        "roads open.",
    ]


def test_collection_furniture_is_dropped_inside_the_body():
    text = PAGE.replace("Advertisement", "Our reporters are independent and so are you!")
    furniture = frozenset({"our reporters are independent and so are you!"})
    body = [block.text for block in read_text(text, furniture).blocks]
    assert not any("independent" in line for line in body)


def test_empty_text():
    extracted = read_text("  \n\n ")
    assert extracted.title is None and extracted.blocks == ()


BODY = (
    "The council voted on Tuesday to close the old library for repairs that could last a year.\n"
    "Residents who spoke at the meeting said the branch was the only quiet place in town.\n"
    "“We will reopen it better than before,” the mayor said after the vote.\n"
)


def test_comment_thread_after_the_article_is_cut():
    comments = "\n".join(
        f"reader{n}\n{n} days ago at 07:5{n} am\n"
        f"I think the council got this one right, and the repairs are overdue anyway.\n"
        f"Rating: {n} Votes"
        for n in range(1, 6)
    )
    extracted = read_text("Library to close for a year of repairs\n" + BODY + "Top Rated Comments\n"
                          + comments)
    assert [b.text for b in extracted.blocks][-1].startswith("“We will reopen it")


def test_teaser_list_after_the_article_is_cut():
    teasers = "\n".join(
        f"Other story number {n} has a headline\nNovember {n}, 2019 at 5:10 pm\n"
        f"A teaser sentence for story {n} that runs on for a while to look like a paragraph "
        f"of text, the way a summary under a related link usually does on a news site."
        for n in range(1, 6)
    )
    extracted = read_text("Library to close for a year of repairs\n" + BODY + "More in Local\n"
                          + teasers)
    assert len(extracted.blocks) == 3


def test_related_links_box_inside_the_body_is_dropped_but_a_subheading_stays():
    page = (
        "Library to close for a year of repairs\n" + BODY
        + "Council approves the new budget after a long debate\n"
        + "Storm closes every school in the county on Friday\n"
        + "Police name the driver in the bridge crash last week\n"
        + "What happens next\n"
        + "Repairs begin in March, and the books move to the town hall until the work is done.\n"
        + "The children’s section will open first, the librarian said on Wednesday morning.\n"
        + "A public meeting on the plans is set for the second week of February at the school.\n"
    )
    texts = [(b.kind, b.text) for b in read_text(page).blocks]
    assert not any("Storm closes" in text for _, text in texts)
    assert ("h2", "What happens next") in texts
    assert texts[-1][1].startswith("A public meeting")


MORE_BODY = (
    "Repairs begin in March, and the books move to the town hall until the work is done.\n"
    "The children’s section will open first, the librarian said on Wednesday morning.\n"
    "A public meeting on the plans is set for the second week of February at the school.\n"
)


@pytest.mark.parametrize(("heading", "teasers"), [
    ("Related news", ("Council approves the new budget after a long debate",
                      "Taking Stock: Storm closes every school! Here's what happens next")),
    *((heading, ("Wohnungsnot auf dem Land: Warum in Bayerns Dörfern kaum noch gebaut wird "
                 "Von Jo Roe", "Mietpreise: In diesen Landkreisen steigen die Mieten am stärksten"))
      for heading in ("Mehr zum Thema", "Related", "Keep reading")),
    # a screen reader's labels between the heading and each teaser; teasers that ask
    ("Keep reading\nlist of 3 items\nlist 1 of 3",
     ("Why are residents protesting against the new library budget?",
      "list 2 of 3\nFlooding closes the river road for a third week running",
      "list 3 of 3\nCan the town afford two libraries by 2030?\nend of list")),
])
def test_a_boxs_teasers_inside_the_body_go_however_few_even_reading_like_prose(heading,
                                                                                 teasers):
    page = ("Library to close for a year of repairs\n" + BODY + heading + "\n"
            + "".join(t + "\n" for t in teasers) + MORE_BODY)
    texts = [b.text for b in read_text(page).blocks]
    assert not any(t in text for t in teasers for text in texts)
    assert texts[3].startswith("Repairs begin in March") and len(texts) == 6


def test_a_links_headline_over_its_read_more_goes():
    page = (
        "Library to close for a year of repairs\n" + BODY
        + "Insect numbers in England down by 60% in 20 years, study suggests\nRead more\n"
        + "Repairs begin in March, and the books move to the town hall until the work is done.\n"
        + "The children’s section will open first, the librarian said on Wednesday morning.\n"
        + "A public meeting on the plans is set for the second week of February at the school.\n"
    )
    texts = [b.text for b in read_text(page).blocks]
    assert not any("Insect numbers" in text for text in texts) and len(texts) == 6


def test_rows_copied_from_a_table_come_back_as_a_table():
    page = (
        "Library to close for a year of repairs\n" + BODY
        + "Opening hours until then\n"
        + "Day\tOpen\tClose\n"
        + "Monday\t9:00\t17:00\n"
        + "Tuesday\t9:00\t20:00\n"
        + "The mobile library will also visit the school on Fridays, the council said.\n"
        + "Books borrowed before the closure can be returned at the town hall until March.\n"
    )
    blocks = read_text(page).blocks
    [table] = [b for b in blocks if b.kind == "table"]
    assert table.text == "Day\tOpen\tClose\nMonday\t9:00\t17:00\nTuesday\t9:00\t20:00"
    assert blocks[-1].text.startswith("Books borrowed")


def test_a_table_head_is_never_the_title_and_short_rows_keep_the_article_whole():
    page = (
        "Library to close for a year of repairs\n"
        "The council voted on Tuesday to close the old library for repairs lasting a year.\n"
        "Council member\tWard\tVote\n"
        "Ann Lee\tNorth\tFor\n"
        "Bob Hart\tSouth\tAgainst\n"
        + BODY
    )
    extracted = read_text(page)
    assert extracted.title == "Library to close for a year of repairs"
    assert extracted.blocks[0].text.startswith("The council voted")
    assert [b.kind for b in extracted.blocks].count("table") == 1


def test_one_row_with_tabs_is_a_line_of_text():
    extracted = read_text("Library to close for a year of repairs\n" + BODY
                          + "READ NEXT\tCouncil approves the new budget\n")
    assert all("\t" not in b.text for b in extracted.blocks)


def test_empty_cells_at_a_rows_edge_keep_the_table_whole():
    page = ("Library to close for a year of repairs\n" + BODY
            + "Day\tOpen\tClose\nMonday\t9:00\t\n\tnoon\t20:00\n" + BODY.replace("The", "A"))
    [table] = [b for b in read_text(page).blocks if b.kind == "table"]
    assert table.text == "Day\tOpen\tClose\nMonday\t9:00\t\n\tnoon\t20:00"


def test_a_slide_number_over_a_credit_is_no_caption():
    page = "Library to close for a year of repairs\n2\nPhoto: Jane Roe/AP\n" + BODY
    extracted = read_text(page)
    assert extracted.image_caption is None


def test_a_line_of_author_date_and_categories_is_not_the_title():
    page = ("Library to close for a year of repairs\n"
            "Carlos Nadalim 27/09/2018 Comente! Local, Libraries, Town Hall\n" + BODY)
    extracted = read_text(page)
    assert extracted.title == "Library to close for a year of repairs"
    assert extracted.date == "2018-09-27"


def test_share_buttons_do_not_push_the_headline_out_of_reach():
    buttons = "".join(f"{name}\n" for name in ["Share", "Facebook", "Twitter", "LinkedIn",
                                               "Email", "Print", "Copy link", "Reddit"] * 3)
    page = "Library to close for a year of repairs\n" + buttons + BODY
    assert read_text(page).title == "Library to close for a year of repairs"


def test_an_agency_and_a_date_under_the_headline_make_no_caption_of_it():
    page = ("Library to close for a year of repairs\nReuters November 18, 2019 11:03 PM\n"
            + BODY)
    extracted = read_text(page)
    assert extracted.title == "Library to close for a year of repairs"
    assert extracted.image_caption is None and extracted.date == "2019-11-18"


def test_a_quoting_headline_in_capitals_inside_the_body_is_a_link_not_a_subheading():
    teaser = "'DANCING WITH THE STARS' STAR OPENS UP ABOUT SERIOUS HEALTH CONDITION"
    page = ("Library to close for a year of repairs\n" + BODY + teaser + "\n"
            + "WHAT HAPPENS TO THE BOOKS NOW\n" + BODY.replace("The", "A"))
    text = "\n".join(b.text for b in read_text(page).blocks)
    assert "DANCING" not in text
    assert "WHAT HAPPENS TO THE BOOKS NOW" in text


def test_a_question_headline_over_a_dek_and_a_byline_with_a_handle():
    menu = "".join(f"{item}\n" for item in ["Home", "Markets", "Be a Pro", "Podcast"])
    page = (menu + "Last Updated : Nov 20, 2019 01:41 PM IST | Source: Example.com\n"
            "Are libraries about to close for good?\n"
            "Repairs will keep the reading rooms shut, the council said on Tuesday.\n"
            "Jane Roe @janeroe\n" + BODY)
    extracted = read_text(page)
    assert extracted.title == "Are libraries about to close for good?"
    assert extracted.dek and extracted.dek.startswith("Repairs will keep")
    assert extracted.author == "Jane Roe"
    assert extracted.date == "2019-11-20"
    assert "@janeroe" not in "\n".join(b.text for b in extracted.blocks)


@pytest.mark.parametrize(
    "notes",
    [
        "(Reporting by Greg Roumeliotis; editing by Martin Howell)\n",
        "Keith Bradsher contributed reporting from Hong Kong.\n",
        "Phil Helsel\nPhil Helsel is a reporter for NBC News.\n",
        "Dallas Robinson is a freelance writer living in Minneapolis\n",
        "MARISOL VEGA\nVega covers Colorado and the Mountain West for The Associated Press. "
        "She is based in Denver.\n",
        "Owen Calloway is a reviewer covering wearables and fitness tech.\n",
    ],
)
def test_reporting_credits_and_the_authors_biography_end_the_body(notes):
    page = "Library to close for a year of repairs\n" + BODY + BODY.replace("The", "A") + notes
    text = "\n".join(b.text for b in read_text(page).blocks)
    assert text.endswith("the mayor said after the vote.")


def test_a_sentence_about_a_reporter_inside_the_story_stays():
    inside = "Jane Roe is a reporter for the local paper and broke the story in March.\n"
    page = "Library to close for a year of repairs\n" + BODY + inside + BODY.replace("The", "A")
    assert "Jane Roe is a reporter" in "\n".join(b.text for b in read_text(page).blocks)


@pytest.mark.parametrize(
    "last",
    ["Reporting by the Guardian revealed that the repairs had been delayed for years.\n",
     "This is a journalist's job, the mayor said after the vote in the town hall.\n"],
)
def test_a_last_paragraph_that_only_looks_like_a_note_stays(last):
    page = "Library to close for a year of repairs\n" + BODY + BODY.replace("The", "A") + last
    assert last.strip() in "\n".join(b.text for b in read_text(page).blocks)


def test_a_numbered_list_closing_the_article_stays_a_most_read_list_does_not():
    page = (
        "Library to close for a year of repairs\n" + BODY
        + "Here is what the library will lend from the town hall meanwhile:\n"
        + "1) Picture books\n2) Large-print novels\n3) Local history\n4) Board games\n"
        + "Most read\n1. Storm closes every school in the county\n2. Council approves budget\n"
        + "3. Police name the driver\n© 2024 The Town Paper. All rights reserved.\n"
    )
    texts = [b.text for b in read_text(page).blocks]
    assert texts[-4:] == ["1) Picture books", "2) Large-print novels", "3) Local history",
                          "4) Board games"]


def test_numbered_teasers_above_the_headline_stay_out():
    teasers = "".join(f"{n}. Other story number {n} has a headline\n" for n in range(1, 13))
    page = "Top stories\n" + teasers + "Library to close for a year of repairs\n" + BODY
    extracted = read_text(page)
    assert extracted.title == "Library to close for a year of repairs"
    assert extracted.blocks[0].text.startswith("The council voted on Tuesday")


def test_a_hover_card_glued_to_a_name_is_dropped_and_the_sentence_joined():
    page = "\n\n".join([
        "Mayor pleads for calm after the flood",
        "A court heard on Monday that Sen. Maria DelgadoMaria Elena DelgadoFlood relief bill "
        "stalls | Ports reopen Delgado presses agency over levee repairs MORE (D-Ore.) had "
        "warned the agency twice about the levee before the storm arrived in the valley.",
        "The levee gave way at dawn, and the water reached the town square within an hour, "
        "officials said in a statement released later that morning to local reporters.",
        "Residents were moved to the school gym, where volunteers served meals through the "
        "night and the Red Cross set up cots for the families who had lost their homes.",
    ])
    body = [block.text for block in read_text(page).blocks]
    assert body[0].startswith("A court heard on Monday that Sen. Maria Delgado (D-Ore.) had")
    assert not any("MORE" in text or "Ports reopen" in text for text in body)


def test_a_camel_case_name_and_a_capitalised_more_are_left_alone():
    page = "\n\n".join([
        "Phone maker shows a new handset to buyers",
        "The company said its new iPhone sold out in McDonald County within a day, and "
        "shoppers queued for MORE than six hours outside the only store that still had one.",
        "Analysts said the launch was the strongest in years, with orders well ahead of the "
        "previous model in every market the company tracks across the region this quarter.",
    ])
    body = [block.text for block in read_text(page).blocks]
    assert "new iPhone sold out in McDonald County" in body[0]
    assert "queued for MORE than six hours" in body[0]


def test_a_caption_shown_cut_short_and_whole_is_the_lead_caption_not_body():
    caption = ("Ana Lima, the harbour master, left, and Rui Costa, the mayor, open the new "
               "ferry terminal on the south quay in Porto on Tuesday, Nov. 19, 2019.")
    page = "\n".join([
        "Porto opens its new ferry terminal",
        "Tom Reyes, Staff Writer",
        "Updated 1:39 am, Wednesday, November 20, 2019",
        caption + " less",
        caption[:70] + " ... more",
        "Photo: Jo Smith, AP",
        "Image 1 of 12",
        "Porto opens its new ferry terminal",
        "The new ferry terminal opened on Tuesday after four years of work, and the first "
        "boats left for the islands at noon, carrying commuters and a few curious visitors.",
        "The city paid for most of it, with the rest from a European fund for ports, and "
        "officials said the old terminal would become a market hall by the end of next year.",
        "Ferry operators said bookings were already up on last year, helped by lower fares.",
    ])
    article = read_text(page)
    assert article.title == "Porto opens its new ferry terminal"
    assert article.author == "Tom Reyes"
    assert article.date == "2019-11-20"
    assert article.image_caption == caption
    assert article.image_credit == "Jo Smith, AP"
    assert article.blocks[0].text.startswith("The new ferry terminal opened")


LAYOUTS = FIXTURES / "layouts"


@pytest.mark.parametrize("name", sorted(p.stem for p in LAYOUTS.glob("*.txt")))
def test_pages_in_other_sites_layouts(name):
    expected = json.loads((LAYOUTS / f"{name}.json").read_text(encoding="utf-8"))
    article = read_text((LAYOUTS / f"{name}.txt").read_text(encoding="utf-8"))
    assert article.title == expected["title"]
    assert article.author == expected["author"]
    assert article.date == expected["date"]
    body = [block.text for block in article.blocks]
    optional = set(expected.get("optional_paragraphs", ()))
    assert [text for text in body if text not in optional] == [
        text for text in expected["body_paragraphs"] if text not in optional]


def test_the_article_goes_on_past_a_box_set_into_it_however_spread_out():
    # `Leggi anche` and two links inside the article, then subheadings and a newsletter box
    # between the paragraphs: the article's lines are as thinly spread as comments' are,
    # but comments are not under `Read also`.
    para = ("{} The library stays open until midnight on weekdays, a trial the council began "
            "after students asked for somewhere quiet to work, and the first month's figures "
            "surprised even the councillors who proposed it, with twelve thousand visits.\n")
    page = ("Library to close for a year of repairs\n"
            + "".join(para.format(f"Before {n}.") for n in range(3))
            + "Leggi anche\n"
            "Bologna, affitti agli studenti: una stanza costa in media 520 euro al mese\n"
            "Università, aule studio prese d’assalto durante la sessione\n"
            "Il problema degli spazi\n" + "".join(para.format(f"Middle {n}.") for n in range(3))
            + "Iscriviti alla newsletter del Corriere di Bologna\n"
            "Ogni giorno le notizie della città\nIscriviti\nLe prossime tappe\n"
            + "".join(para.format(f"After {n}.") for n in range(3)))
    texts = [b.text for b in read_text(page).blocks]
    assert texts[-1].startswith("After 2.") and sum(t.startswith("Middle") for t in texts) == 3
    assert not any("affitti" in t or "aule studio" in t or "Iscriviti" in t for t in texts)


def test_a_byline_whose_names_are_links_on_lines_of_their_own_is_one_byline():
    page = ("Library to close for a year of repairs\nBy\nLena Markovic\nand\nTheo Brandt\n"
            "June 4, 2024\n" + BODY)
    extracted = read_text(page)
    assert (extracted.author, extracted.date) == ("Lena Markovic and Theo Brandt", "2024-06-04")
    assert len(extracted.blocks) == 3


def test_a_video_players_title_under_now_playing_is_not_the_headline():
    page = ("Local News\nLibrary to close for a year of repairs\nNow Playing\n"
            "Library closing for repairs\nBy Jane Roe\nJune 4, 2024\n" + BODY)
    extracted = read_text(page)
    assert (extracted.title, extracted.author) == ("Library to close for a year of repairs",
                                                   "Jane Roe")


def test_a_paragraph_over_a_stock_pictures_credit_is_not_its_caption():
    page = ("Library to close for a year of repairs\n" + BODY
            + "This is the story of how we replaced it, and what I would do differently.\n"
            + "Photo by Lena Ortiz on Unsplash\n" + MORE_BODY)
    texts = [b.text for b in read_text(page).blocks]
    assert "This is the story of how we replaced it, and what I would do differently." in texts
    assert not any("Unsplash" in t for t in texts)


def test_the_articles_subheading_right_after_a_boxs_links_stays():
    para = ("{} The bakery closed in March after its owner retired, and for six weeks the town "
            "of two thousand people drove forty minutes for bread, until the neighbours met "
            "and decided to buy the ovens themselves as a cooperative.\n")
    page = ("Library to close for a year of repairs\n"
            + "".join(para.format(f"Before {n}.") for n in range(3)) + "Mirá también\n"
            "Tambos en crisis: cierran dos por semana en la cuenca lechera\n"
            "Council approves the new budget after a long debate\n"
            "Una asamblea en el club\n" + "".join(para.format(f"After {n}.") for n in range(3)))
    texts = [b.text for b in read_text(page).blocks]
    assert "Una asamblea en el club" in texts and texts[-1].startswith("After 2.")
    assert not any("Tambos" in t or "budget" in t for t in texts)



@pytest.mark.parametrize(
    ("page", "subheading", "link"),
    [
        (  # a quoted subheading after a `Read More` box's link (the i's)
            "Rural bus routes cut by a third in a decade\n"
            "The number of bus routes serving rural England has fallen by almost a third in ten "
            "years, leaving more than 2,000 villages without any service at all.\n"
            "Figures compiled from council timetables show that the steepest falls were in the "
            "counties where subsidies were cut hardest.\n"
            "Read More\n"
            "Bus fares to be capped at £2 until end of 2024, Government confirms\n"
            "‘It’s like living on an island’\n"
            "In the village of Ellerby, the last bus ran in March, and residents say they now "
            "depend on neighbours for every trip to town.\n"
            "“It’s like living on an island,” said Jean Tolliver, 79, who gave up driving after "
            "cataract surgery last year.\n",
            "‘It’s like living on an island’",
            "Bus fares to be capped at £2 until end of 2024, Government confirms",
        ),
        (  # the link on its label's line: no box of links below it
            "La cantine passe au fait maison\n"
            "Depuis la rentrée, la cantine de l'école prépare tous ses repas sur place avec des "
            "produits achetés aux fermes des environs, une première dans le canton.\n"
            "Le repas reste facturé 2,85 euros aux parents, comme l'an dernier, et la commune "
            "dit ne pas avoir augmenté son budget.\n"
            "Lire aussi : Finistère. Dans les cantines, le bio progresse mais reste minoritaire\n"
            "Moins de gaspillage, plus de fait maison\n"
            "Le secret, selon la municipalité, est la chasse au gaspillage : les restes ont été "
            "pesés chaque jour pendant toute une année scolaire.\n"
            "Les menus ont ensuite été revus avec les cuisiniers et les parents d'élèves, qui "
            "disent que les enfants mangent davantage.\n"
            "La commune compte maintenant proposer la même démarche aux deux autres écoles du "
            "canton, où les repas sont encore livrés chaque matin par un prestataire.\n",
            "Moins de gaspillage, plus de fait maison",
            "Lire aussi : Finistère. Dans les cantines, le bio progresse mais reste minoritaire",
        ),
    ],
)
def test_a_subheading_after_a_read_more_link_stays(page, subheading, link):
    texts = [b.text for b in read_text(page).blocks]
    assert subheading in texts and link not in texts


STORY = [
    "Pryce named Stevenage manager on a three-year deal",
    "By Ben Carter",
    "Stevenage have appointed Gareth Pryce as their new manager on a three-year contract, the "
    "League Two club announced on Monday after a search that lasted three weeks.",
    "Pryce, who led Barry Town to promotion, replaces Steve Walsh, who was sacked last month "
    "after a run of seven games without a win left the club in the bottom half.",
    "First-team coach Robbie O'Keefe will stay at the club after taking caretaker charge of "
    "the side for the last two matches, the club said in a statement on its website.",
]
TRENDING = ["Trending", "Liverpool close gap at top after win over Leicester",
            "Man Utd fined by FA over player conduct", "Dortmund forward on Chelsea radar"]


@pytest.mark.parametrize("after, goes_on", [
    # the story's names again below the box: its next paragraphs
    (["O'Keefe oversaw a 1-1 draw at Mansfield and a 2-0 defeat at home to Crewe during his "
      "time in interim charge of Stevenage.",
      "Pryce admitted that improving the side's attacking play would be his first priority "
      "when he meets the players for training on Tuesday morning."], True),
    # a teaser's summary, of another story: the article ended at the box
    (["The champions were held to a goalless draw at home by a side that had not kept a "
      "clean sheet away from home all season, and the fans let them know it."], False),
])
def test_a_box_of_links_between_two_paragraphs_of_the_story(after, goes_on):
    article = read_text("\n".join([*STORY, *TRENDING, *after, "Terms of use", "Privacy"]))
    texts = [block.text for block in article.blocks]
    assert texts[-1] == (after[-1] if goes_on else STORY[-1])
    assert not any(line in texts for line in TRENDING)


def test_a_box_of_links_under_the_articles_tags_is_after_the_article():
    # Below the topics and `Join the discussions`, not between two paragraphs.
    later = ("Stevenage fans can read more about Pryce and O'Keefe in the matchday programme, "
             "on sale at every home game this season for three pounds.")
    page = [*STORY, "Topics:", "Stevenage", "Join the discussions", *TRENDING, later]
    assert read_text("\n".join(page)).blocks[-1].text == STORY[-1]


POMONA = [
    "Every school morning at 7:40, Marisol Aguayo walks her two youngest children down "
    "Kellogg Drive in Pomona, and every morning she makes them hold her hands a little tighter.",
    "There is no sidewalk on this stretch of the street, just a strip of packed dirt between "
    "the asphalt and the chain-link fences, and when it rains the dirt turns to mud.",
    "Residents of the neighborhood have been asking for sidewalks since at least 1978, "
    "according to city council minutes, and four times the project has been pushed back.",
]
TWO = "A Pomona street waited 40 years for sidewalks. Now the city says it can’t afford them"


@pytest.mark.parametrize("header", [
    ["News", "CALIFORNIA", TWO, "Children walk along the dirt shoulder of Kellogg Drive on "
     "their way to school in Pomona.", "(Gina Ferrazzi / Los Angeles Times)", "By ADRIANA VÉLEZ",
     "OCT. 14, 2019"],
    ["News", "METRO", TWO + ".", "By Colin A. Fitzgerald Globe Staff, Updated November 3, 2019"],
])
def test_a_headline_of_two_sentences_over_its_byline(header):
    article = read_text("\n".join([*header, *POMONA]))
    assert article.title == header[2]
    assert article.blocks[0].text == POMONA[0]


def test_two_sentences_under_a_headline_are_its_standfirst_not_the_headline():
    page = ["News", "Pomona’s sidewalk plan stalls again", TWO + ".", "By Adriana Vélez",
            "Oct. 14, 2019", *POMONA]
    article = read_text("\n".join(page))
    assert article.title == "Pomona’s sidewalk plan stalls again"
    assert article.dek == TWO + "."


def test_two_sentences_under_a_photos_credit_are_its_caption_not_the_headline():
    page = ["Entertainment", "South Dakota doubles down on ‘Meth. We’re on it.’ They just might "
            "be.", "Updated Nov 19, 9:41 AM", "Alex Wong | Getty Images",
            "Kristi Noem, governor of South Dakota, pictured at the White House in 2018. Her new "
            "campaign is raising eyebrows.", "By Amy Kuperinsky | NJ Advance Media", *POMONA]
    assert read_text("\n".join(page)).title == page[1]


def test_a_pull_quote_repeating_the_paragraph_below_is_left_out_a_quoting_subheading_stays():
    page = [*STORY[:3], "“Shrimp are the foundation.”",
            "“Shrimp are the foundation,” Sandhu said. “When people ask what happens to the birds "
            "if the lake keeps dropping, the answer starts with what happens to the shrimp.”",
            "‘Nothing comes up’", "“Nothing comes up when we drill,” said the operator, who has "
            "worked the site for twelve years and expects the well to close within the year.",
            *STORY[3:]]
    texts = [block.text for block in read_text("\n".join(page)).blocks]
    assert "“Shrimp are the foundation.”" not in texts and "‘Nothing comes up’" in texts


def test_a_domain_alone_is_the_sites_name_not_the_headline():
    page = ["National", "‘Smells like a swamp’: Outback town told not to drink brown tap water",
            "Residents of an outback town have been warned not to drink their tap water after it "
            "turned brown and started to smell, with no fix in sight.", "Tahlia Briggs",
            "3 min read", "January 22, 2024 - 2:46PM", "news.com.au", "Share", *STORY[2:]]
    article = read_text("\n".join(page))
    assert article.title == page[1]
    assert article.author == "Tahlia Briggs"


@pytest.mark.parametrize("byline, place", [
    ("Layla Haddad, Al Arabiya English", None),  # the writer, then the site's masthead
    ("Layla Haddad", "Salalah"),  # the writer over the place she files from
])
def test_a_writer_over_the_date_named_with_the_site_or_the_place(byline, place):
    page = ["Al Arabiya English", "News", "Gulf",
            "Oman’s Salalah airport to nearly double capacity ahead of Khareef season",
            byline, *([place] if place else []), "Published: 27 February ,2024: 04:12 PM GST",
            *STORY[2:]]
    article = read_text("\n".join(page))
    assert (article.title, article.author, article.date) == (
        page[3], "Layla Haddad", "2024-02-27")


def test_a_sections_name_over_the_headline_is_a_kicker_not_the_headline():
    page = ["Puzzles", "Northern Ireland news",
            "West Belfast residents object to 'towering' student block plan on Falls Road",
            "Conor Devlin", "04 October, 2017 01:00", "Facebook", *STORY[2:]]
    assert read_text("\n".join(page)).title == page[2]


def test_a_box_of_links_and_a_video_player_inside_a_long_story():
    # Links, a player's buttons (`8`, `Cancel`) and then paragraphs that name no one above:
    # a run of them is the story going on.
    more = [f"Paragraph {n} of the story goes on here, telling what the neighbours said "
            "about parking on the narrow lane in the summer months." for n in range(5)]
    box = ["Read More", "Related Articles",
           "Gower village 'turning into a ghost town' as second homes take over",
           "Video Loading", "Tap to play", "The video will auto-play soon", "8", "Cancel",
           "Play now"]
    texts = [b.text for b in read_text("\n".join([*STORY, *box, *more, "Comments"])).blocks]
    assert texts[0] == STORY[2] and texts[-1] == more[-1]
    assert not set(box) & set(texts)


def test_the_topics_closing_the_story_are_not_its_text():
    page = [*STORY, "Environment", "food waste", "public housing", "recycling"]
    assert read_text("\n".join(page)).blocks[-1].text == STORY[-1]


def test_a_reporting_credit_is_no_photo_credit():
    # (`AFP contributed reporting.` under a paragraph made a caption of it)
    page = [*STORY, "AFP contributed reporting.", "Privacy policy"]
    assert read_text("\n".join(page)).blocks[-1].text == STORY[-1]


def test_a_photographer_and_the_paper_under_a_caption_inside_the_story():
    page = [*STORY[:4], "A contractor pulls a section of galvanized pipe from a yard in Warren.",
            "Kevin Mallory, The Detroit News", *STORY[4:]]
    texts = [b.text for b in read_text("\n".join(page)).blocks]
    assert "Kevin Mallory, The Detroit News" not in texts and page[4] not in texts


def test_a_writer_with_their_job_and_handle_over_a_contact_link_and_the_date():
    page = ["Canada", "Winnipeg family reunited with dog missing 11 months after microchip scan",
            "Natalie Bergeron, CTVNews.ca Writer", "@nbergeronCTV", "Contact",
            "Published Wednesday, April 11, 2018 3:14PM EDT", *STORY[2:]]
    article = read_text("\n".join(page))
    assert (article.title, article.author) == (page[1], "Natalie Bergeron")


def test_the_entries_of_a_table_of_contents_are_not_the_headline():
    page = ["Habitação", "Setúbal aprova plano de 14 milhões para reabilitar bairro da Bela Vista. "
            "Obras arrancam em 2022", "A Câmara de Setúbal aprovou a candidatura ao PRR para "
            "reabilitar 620 fogos no bairro da Bela Vista.", "Texto", "Inês Carvalho Moura",
            "17 jun 2021, 19:32", "Partilhe", "Índice", "O que prevê o plano",
            "Moradores querem ser ouvidos", *STORY[2:]]
    article = read_text("\n".join(page))
    assert (article.title, article.author) == (page[1], "Inês Carvalho Moura")


def test_a_writer_with_the_paper_in_brackets_over_the_place_and_date():
    page = ["Community", "Bogor residents fight plan to turn green belt into housing estate",
            "Dimas Prakoso (The Jakarta Post)", "Bogor, West Java   ●   Wed, November 9, 2022",
            "Share This Article", *STORY[2:]]
    article = read_text("\n".join(page))
    assert (article.title, article.author, article.date) == (page[1], "Dimas Prakoso",
                                                             "2022-11-09")


def test_a_writer_under_the_date_over_the_share_buttons():
    page = ["Support WBUR", "Housing", "A Cape Cod town voted to buy a shuttered motel for "
            "workforce housing. Now some neighbors want a do-over", "October 26, 2023",
            "Miriam Okafor", "Share", "Twitter", *STORY[2:]]
    article = read_text("\n".join(page))
    assert (article.title, article.author, article.date) == (page[2], "Miriam Okafor",
                                                             "2023-10-26")


def test_an_abbreviation_is_no_sentence_inside_a_headline_over_its_dek():
    page = ["Local News", "Ramsey County to test on-demand transit vans in Maplewood, North St. "
            "Paul", "Six vans will pick up riders anywhere in a 14-square-mile zone for $2",
            "By MARIT LINDQUIST | Pioneer Press", "PUBLISHED: September 24, 2019 at 4:35 pm",
            *STORY[2:]]
    article = read_text("\n".join(page))
    assert (article.title, article.dek) == (page[1], page[2])


def test_two_writers_named_without_a_by_over_the_time():
    page = ["Policy", "Senators float bill to clear FAA’s backlog of commercial drone waivers",
            "Naomi Reyes-Carter and Theo Lindahl", "Posted May 21, 2024 at 5:14pm", "Facebook",
            *STORY[2:]]
    article = read_text("\n".join(page))
    assert (article.title, article.author) == (page[1], "Naomi Reyes-Carter and Theo Lindahl")


def test_a_pull_quote_with_its_speaker_under_it_is_left_out():
    said = ("„Das ist ein wichtiges Signal, dass sich unser Standort durchsetzt“, sagte Jens "
            "Oltmanns, Geschäftsführer der Hafengesellschaft, am Dienstag in Wilhelmshaven.")
    page = [*STORY[:3], "„Das ist ein wichtiges Signal, dass sich unser Standort durchsetzt“",
            "Jens Oltmanns, Hafengesellschaft Wilhelmshaven", said, *STORY[3:]]
    texts = [b.text for b in read_text("\n".join(page)).blocks]
    assert said in texts and page[3] not in texts and page[4] not in texts
