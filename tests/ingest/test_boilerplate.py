"""Line evidence, the best span, and collection furniture: the cleaner's building blocks."""

from __future__ import annotations

import pytest

from builder.ingest.boilerplate import (
    best_span,
    furniture_lines,
    is_boilerplate,
    is_prose,
    is_section_break,
    line_score,
    line_scores,
    without_link_notes,
)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Share this article",
        "Share »",
        "Read more:",
        "Sign in or  create a free account",
        "By continuing you agree to our Privacy Policy and Terms of Use",
        "© 2024 The New York Sun Company, LLC. All rights reserved.",
        "Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved.",
        "Image 1 of 23",
        "[ 167 comments ]",
        "Tags: Minnesota Wild",
        "Subscribe to our newsletter",
        "Subscribe No thanks",
        "You have successfully subscribed. Thank you!",
        "Thanks for signing up!",
        "Stay up to date with Ascom.",
        "Share permalink",
        "You are at:",
        "Close share panel",
        "Follow RT on",
        "Report",
        "Like this story? Share it with a friend!",
        "Also: See Black Friday coverage at CNET",
        "[Related: Salesforce Dreamforce Keynote: AI, Integration, Alicia Keys And Protestors]",
        "Back to Gallery",
        "Let our news meet your inbox. The news and stories that matter, delivered weekday "
        "mornings.",
        "Buyer's Guide: MacBook Pro (Buy Now)",
        "Werbung",
        "Lesen Sie auch: Die Bahn streikt wieder",
        "À lire aussi",
        "Publicidad",
        "Leggi anche",
        "Leia também",
        "Baca juga",
        "Use of this site constitutes acceptance of our Terms of Use and Privacy Policy. The "
        "material on this site is protected by copyright law and may not be reproduced, "
        "distributed, transmitted, cached or otherwise used.",
        "*These statements have not been evaluated by the Food and Drug Administration. These "
        "products are not intended to diagnose, treat, cure, or prevent any disease.",
        "The information provided on this website was originally intended for a US audience.",
        "+Results vary depending on starting point, goals and effort.",
        "This article is for informational purposes only and does not constitute financial "
        "advice.",
        "Manage Subscription",
        "Enlarge this image",
        "Vous pouvez lire Le Monde sur un seul appareil à la fois (ordinateur, téléphone).",
        "Comment ne plus voir ce message ?",
        "Pick Six Newsletter",
        "Get the day's big stories + fun stuff delivered to you",
        "Privacy Notice: Newsletters may contain info about charities, online ads, and content "
        "funded by outside parties. For more information see our Privacy Policy. We use Google "
        "reCaptcha to protect our website and the Google Privacy Policy and Terms of Service "
        "apply.",
        "The Times is committed to publishing a diversity of letters to the editor. We’d like "
        "to hear what you think about this or any of our articles.",
        "toggle caption",
        "Toggle more options",
        "Stay up to date with us. Subscribe to our newsletter.",
        "Thanks for reading The Layover! Subscribe for free to receive new posts.",
        "Enter your email address",
        "Ad Feedback",
        "Sponsor Message",
        "list of 4 items",
        "list 2 of 4",
        "end of list",
        "Listen: Flood-hit communities on the morning show",
        "If you buy something from a link, the publisher may earn a commission.",
        "Il vous reste 32.41% de cet article à lire. La suite est réservée aux abonnés.",
        "A container ship docks at the port on Monday. REUTERS/Jo Smith Purchase Licensing "
        "Rights",
        "Listen to this article · 8:14 min Learn more",
        "Why you can trust SCMP",
        "SKIP ADVERTISEMENT",
        "Social Sharing",
        "Download the WXTN News 6 app to stay up to date with breaking news.",
        "Have a story idea? Email us at tips@example.com.",
        "Share or comment on this article:",
        "A version of this article appears in print on June 5, 2024, Section A, Page 14.",
        "Your information is being handled in accordance with the Privacy Collection Statement.",
        "Unlock the Editor’s Digest for free",
        "RELATED STORY | Franklin approves new warehouse rules",
        "Go deeper: Home insurance costs are soaring",
        "Also Read | Chennai’s lakes hold 20% more water than last year",
        "Read: The lost art of looking up",
        "Läs också: Rekordmånga brunnar sinade i fjol",
        "Annons",
        "Get our free Morning Headlines email for news from our reporters",
        "Support free-thinking journalism and attend our events",
        "Produced by ElevenLabs and News Over Audio (NOA) using AI narration.",
        "相关阅读",
        "Reklama",
        "Zobacz także: Małopolska: 300 wsi bez publicznego transportu",
        "87 with 61 posters participating",
        "Deel via e-mail",
        "Kopieer link",
        "In this article: delivery robot, finland, gear, helsinki",
        "SEE: A winning strategy for cybersecurity (ZDNet special report)",
        "Today's Paper",
        "Compartilhar no WhatsApp",
        "Aumentar fonte",
        "Você tem acesso ilimitado a reportagens exclusivas de todos os conteúdos da Folha.",
        "Open this photo in gallery:",
        "See All",
        "Duration 3′ 58″",
        "Listen to Mere Paewai's report on Checkpoint",
        "For as little as $6/month you can help support our independent journalism AND enjoy "
        "special benefits and content.",
        "Will you support Vox’s explanatory journalism?",
        "Yes, I'll give",
        "Help keep articles like this free",
        "Read moreIn Brittany, warming seas push mussel farmers to rethink their trade",
        "Lire également: Les Alpes suisses ont perdu un mois de neige en cinquante ans",
        "Lue myös: Kyläkoulujen määrä on lähes puolittunut",
        "Your browser does not support the <audio> element.",
        "This article appeared in the Europe section of the print edition under the headline "
        "\"Island life\"",
        "2 minuti di lettura",
        "Headshot of Bree Hollingsworth",
        "Taipei Times e-Paper",
        "Listen In Arabic",
        "ExploreSinkhole closes Rockbridge Road near Lilburn for weeks",
        "These are unprecedented times, and the role of the media to tell the truth and hold "
        "the powerful to account is more important than ever. Subscribe now.",
        "[Read more: Great Salt Lake hits a new record low for the second year in a row]",
        "Advertise with NZME.",
        "Don't miss out on the headlines from Queensland. Followed categories will be added "
        "to My News.",
        "(Catch all the Business News, Breaking News Events and Latest News Updates on The "
        "Economic Times.)",
        "For more on Gulf news, follow Al Arabiya English on X.",
        "Esta funcionalidad es sólo para registrados",
        "Share story",
        "Enviar noticia por correo electrónico",
        "nebbing@post-dispatch.com",
        "1:42",
        "Media playback is not supported on this device",
        "View image in fullscreen",
        "The video will auto-play soon",
        "I hope you appreciated this article. Before you move on, I wanted to ask if you would "
        "consider supporting the Guardian’s journalism during one of the most consequential news "
        "cycles of our lifetimes. We have never been more passionate about exposing the "
        "multiplying threats to our democracy and holding power to account in America.",
        "HKFP is an impartial platform & does not necessarily share the views of opinion writers "
        "or advertisers.",
        "This story was originally published August 10, 2021 1:32 PM.",
        "This article is more than 1 year old.",
        "Local news is essential. Support it for just 99 cents.",
        "Estimated read time: 3-4 minutes",
        "(Lea también: Pico y placa en Bogotá: así funcionará la medida a partir de agosto)",
        "Continua após a publicidade",
        "Um eingebettete Inhalte anzuzeigen, ist Ihre widerrufliche Einwilligung in die "
        "Übermittlung und Verarbeitung von personenbezogenen Daten notwendig.",
    ],
)
def test_known_furniture(line):
    assert is_boilerplate(line), f"{line!r} should read as site furniture"


@pytest.mark.parametrize(
    "line",
    [
        "“It was worth the wait,” she said.",
        "BUFFALO, N.Y. — Hours before the game, the coach expressed confidence in his team.",
        "Read the room, the senator told colleagues who wanted to share the news early and "
        "subscribe to a plan that nobody had seen, and the debate that followed ran for hours.",
        "Colombia had lost to Belgium on Monday.",
        "This article was originally published by Futurism. Read the original article.",
        "Support for the plan grew.",
        "The score was 1:42 at half-time.",
        "NISSAN SENTRA",
        "Stay tuned: the vote is on Friday.",
        "No thanks to the weather, the match was called off after an hour.",
        "The report said prices would rise.",
        "The drug was evaluated by the agency last year and the results were mixed.",
        "Test results vary widely between laboratories, the study found.",
        "The supplement has not been evaluated by the FDA, doctors warned on Tuesday.",
        "The law was not intended to provide a loophole for landlords, the senator said.",
        "The files were shared for educational purposes only, the university said.",
        "The drug is not intended to treat cancer, the company said.",
        # a story about streaming or software speaks of subscriptions
        "Many viewers now rotate a single subscription each month.",
        "“People subscribe to watch one show and leave when it ends,” one analyst said.",
        "Fitbit’s new budget tracker drops the subscription for sleep scores",
        "Users without a subscription to the music service can now listen to playlists with "
        "ads, the company said on Tuesday.",
        # nor does a story about how newsrooms are paid for
        "The foundation said it would support independent journalism in the region.",
        "Listen to “Copperhead Hymn” below.",
        "Read moreover the report, which runs to 300 pages.",
        "Explorers found the wreck off the coast of Cornwall in 1998, the museum said.",
    ],
)
def test_article_lines_are_not_furniture(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("The mayor cut the ribbon on Tuesday morning in front of a crowd.", True),
        ("Der Bürgermeister hat die neue Brücke am Dienstag für den Verkehr geöffnet.", True),
        ("Mayor opens the new river bridge after two years of work", False),
        ("市长周二上午为新桥剪彩，数百名市民到场观看了仪式。", True),
        ("Home", False),
        ("Most Popular", False),
    ],
)
def test_prose(line, prose):
    assert is_prose(line) is prose


@pytest.mark.parametrize(
    "line",
    ["Top Rated Comments", "Related Articles", "Most Read", "You may also like", "Kommentare",
     "Related", "Keep reading", "Más información"],
)
def test_section_breaks(line):
    assert is_section_break(line)
    assert line_score(line) < line_score("Home")


@pytest.mark.parametrize(
    ("scores", "span"),
    [
        ([-4, -4, 20, 30, -4, 25, -8, -8], (2, 6)),
        ([-4, 5, -40, 30, 30, -40, 5], (3, 5)),
        ([-4, -8], (0, 0)),
        ([], (0, 0)),
    ],
)
def test_best_span(scores, span):
    assert best_span(scores) == span


def test_teasers_between_headlines_count_for_less():
    teasers = [
        "Why farmers may want to paint their cows",
        "Some people thought the stripy cattle were a joke, but the science is sound.",
        "32M ago",
        "Two troops killed in helicopter crash",
        "Officials dismiss a claim that the craft was downed by fire from the ground.",
        "2H ago",
    ]
    alone = [line_score(line) for line in teasers]
    assert line_scores(teasers)[1] < alone[1]
    assert line_scores(teasers)[4] < alone[4]


def site_page(n: int, body: str) -> str:
    menu = "Home\nWorld\nPolitics\nBusiness\nSports\nWeather\nThe Daily Planet promo line"
    return f"{menu}\nStory {n} headline here\n{body}\nMost Popular\nDaily Planet © 2020"


def test_collection_furniture_groups_pages_by_site():
    texts = [site_page(n, f"Body sentence number {n} of this story goes here.") for n in range(3)]
    texts.append("Elsewhere\nA different site altogether with other lines.\nHome")
    furniture = furniture_lines(texts)
    assert "the daily planet promo line" in furniture
    assert "home" in furniture
    assert not any(line.startswith("body sentence") for line in furniture)
    assert "a different site altogether with other lines." not in furniture


def test_wire_copy_on_two_sites_is_not_furniture():
    wire = "The central bank raised rates by half a point on Tuesday, its third rise this year."
    texts = [
        f"Alpha News\nAlpha Menu\nAlpha Sport\n{wire}",
        f"Beta Times\nBeta Menu\nBeta Sport\n{wire}",
        "Gamma Post\nGamma Menu\nGamma Sport\nOther text entirely, written here today.",
    ]
    assert normalise(wire) not in furniture_lines(texts)


def test_two_copies_of_one_article_keep_their_body():
    page = site_page(1, "Body sentence number one of this story goes on for a while here.")
    assert not any(line.startswith("body sentence") for line in furniture_lines([page, page]))


def normalise(line: str) -> str:
    return " ".join(line.split()).casefold()


def test_siblings_of_a_file_in_a_large_folder_are_its_neighbours(tmp_path):
    from builder.ingest.pipeline import MAX_SIBLINGS, siblings

    for n in range(MAX_SIBLINGS + 50):
        (tmp_path / f"page{n:04d}.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    found = siblings(tmp_path / "page0200.txt")
    assert len(found) == MAX_SIBLINGS
    assert tmp_path / "page0200.txt" in found
    assert all(p.suffix == ".txt" for p in found)


def test_what_a_screen_reader_is_told_of_a_link_is_not_text():
    line = ("Valbrand (VALB.OL), opens new tab said on Wednesday it would cut jobs, as Maersk "
            "(MAERSKb.CO), opens new tab did (opens in a new window).")
    assert without_link_notes(line) == ("Valbrand (VALB.OL) said on Wednesday it would cut "
                                        "jobs, as Maersk (MAERSKb.CO) did.")


@pytest.mark.parametrize("line", ["Video player", "Bildbeschreibung", "Select user consent:",
                                  "A valid email address is required."])
def test_players_and_forms_labels_are_furniture(line):
    assert is_boilerplate(line)
