"""The headline block of pasted text (builder/ingest/header.py), read through the cleaner:
each case is a page's top, over the same three paragraphs of body."""

from __future__ import annotations

import pytest

from builder.ingest.text import read_text

BODY = (
    "The council voted on Tuesday to close the old library for repairs that could last a year.\n"
    "Residents who spoke at the meeting said the branch was the only quiet place in town.\n"
    "“We will reopen it better than before,” the mayor said after the vote.\n"
)


# deks without their full stop, right over a byline, that some cases hold
UNSTOPPED_DEKS = (
    "Readers packed the meeting, fearing the branch would never open its doors again",
    "The council voted and the repairs will take most of next year",
)


@pytest.mark.parametrize(
    ("head", "title", "author", "date"),
    [
        (  # the headline repeats (browser title, then heading); share buttons are not it
            "Library to close for a year of repairs\nNews\nLibrary to close for a year of repairs\n"
            "Copy Link URLCopied!\nBy Tess Bonn - 11/19/19 06:56 AM EST\n",
            "Library to close for a year of repairs",
            "Tess Bonn",
            "2019-11-19",
        ),
        (  # a timestamp and a photo credit above the body are not the headline
            "Library to close for a year of repairs\nMonday 5:30PM\n"
            "Anna Moneymaker/The New York Times\n",
            "Library to close for a year of repairs",
            None,
            None,
        ),
        (  # German byline and date
            "Bibliothek schließt für ein Jahr\nVon Max Mustermann\n19. November 2019\n",
            "Bibliothek schließt für ein Jahr",
            "Max Mustermann",
            "2019-11-19",
        ),
        (  # a headline may end with `!` as with `?`; the section label above it is not it
            "Home\nShows\nBlog\nBlog - Latest News\n"
            "[The Palace] More Reviews from Our Visitors at the Theatre!\nMarch 3, 2019\n",
            "[The Palace] More Reviews from Our Visitors at the Theatre!",
            None,
            "2019-03-03",
        ),
        (  # a long standfirst of two sentences, unstopped, over the date is not the headline
            "News\nOpinion\nSport\nThe library view: a town on the brink\nEditorial\n"
            "The council’s delay has only deepened the crisis. It is up to the mayor to act, "
            "as residents keep telling her\nMon 18 Nov 2019 18.54 GMT\n",
            "The library view: a town on the brink",
            None,
            "2019-11-18",
        ),
        (  # a name over a timestamp is a byline without its `By`; `Print This Article` is out
            "Home\nTech\nScience\nThe Future of Library Repairs Is Backwards\nJane Roe Smith\n"
            "Monday 5:30PM\nPrint This Article\n",
            "The Future of Library Repairs Is Backwards",
            "Jane Roe Smith",
            None,
        ),
        (  # a link to another language's edition is not the headline of a page in English
            "Home\nWorld\nLibrary to close for a year of repairs\n阅读简体中文版閱讀繁體中文版\n"
            "By Ana Swanson\nNov. 18, 2019\n",
            "Library to close for a year of repairs",
            "Ana Swanson",
            "2019-11-18",
        ),
        (  # over a writer and agency, then the time it was published: a headline, no caption
            "Home\nLearn More\nLibrary to close for a year of repairs\n"
            "Tom Davies Associated Press\nPublished 11:34 PM EST Nov 19, 2019\n",
            "Library to close for a year of repairs",
            "Tom Davies",
            "2019-11-19",
        ),
        (  # a label over its value is one byline or date line
            "Home\nMarkets\nLibrary to close for a year of repairs\nAuthor:\nJane Roe\n"
            "Publish date:\nNov 18, 2019\n",
            "Library to close for a year of repairs",
            "Jane Roe",
            "2019-11-18",
        ),
        (  # two writers and their paper, with no `By`, under a headline in sentence case;
            # the stops inside a quotation do not make the headline two sentences
            "Home\nLearn More\nMayor says, 'Close it. We Will Fix It,' and the town asks why\n"
            "Lisa Roe and Trevor J. Mitchell Harbour Valley Leader\n"
            "Published 10:02 AM EST Nov 19, 2019\n",
            "Mayor says, 'Close it. We Will Fix It,' and the town asks why",
            None,
            "2019-11-19",
        ),
        (  # the headlines of a box between the header and the body are its teasers
            "Home\nLibrary to close for a year of repairs\nBy Jane Roe | Special to the Ledger\n"
            "PUBLISHED: November 19, 2019 at 8:59 pm\nMOST POPULAR\n"
            "Council backs the new pier plan after a long night\n"
            "Police search for a missing dog in the park\n"
            "Skimming device found at a gas station\n",
            "Library to close for a year of repairs",
            "Jane Roe",
            "2019-11-19",
        ),
        (  # a time glued to the year; a name over its handle is a byline without `By`
            "Home\nMarkets\nLibrary to close for a year of repairs\n"
            "PUBLISHED WED, NOV 20 20194:29 AM ESTUPDATED AN HOUR AGO\nJane Roe\n@JANEROE\n",
            "Library to close for a year of repairs",
            "Jane Roe",
            "2019-11-20",
        ),
        (  # a name, its handle and the time since; a date, then its `by`
            "Home\nLibrary to close for a year of repairs\nJane Roe @janeroe / 2 days\n",
            "Library to close for a year of repairs",
            "Jane Roe",
            None,
        ),
        (
            "Home\nNews\nLibrary to close for a year of repairs\n"
            "Monday November 18, 2019 7:45 am PST by Jane Roe\n",
            "Library to close for a year of repairs",
            "Jane Roe",
            "2019-11-18",
        ),
        (  # a CMS's account is no author
            "Home\nLibrary to close for a year of repairs\nPosted on March 30, 2015 by Admin\n",
            "Library to close for a year of repairs",
            None,
            "2015-03-30",
        ),
        (  # a name over the outlet it writes for, with no `By` (`BBC Wales`)
            "Home\nWales\nLibrary to close for a year of repairs\n3 February 2025\nShare\n"
            "Rhys Evans\nBBC Wales\nShare\n",
            "Library to close for a year of repairs",
            "Rhys Evans",
            "2025-02-03",
        ),
        (  # a name and the beat, the job in lower case
            "Home\nLibrary to close for a year of repairs\nHelena Marsh Environment correspondent\n"
            "Mon 3 Feb 2025 06.00 GMT\n",
            "Library to close for a year of repairs",
            "Helena Marsh",
            "2025-02-03",
        ),
        (  # a headline of two sentences over its byline; buttons nearer the body are not it
            "Home\nHealth\n"
            "A tiny island nation just banned single-use vapes. Its neighbors may follow\n"
            "By Priya Raman, CNN\nUpdated 2:31 AM EST, Thu January 9, 2025\nLink Copied!\n"
            "Follow:\nSee your latest updates\n",
            "A tiny island nation just banned single-use vapes. Its neighbors may follow",
            "Priya Raman",
            "2025-01-09",
        ),
        (  # a headline over its dek over its byline; the photos of a gallery between
            "Home\nNews\nLibrary to close for a year of repairs\n1 of 4 |\n"
            "Shelves stand empty in the reading room on Monday. (AP Photo/Jo Smith)\n"
            "2 of 4 |\nThe old card catalogue waits to be moved. (AP Photo/Jo Smith)\n"
            "By Jane Roe\nUpdated 9:47 PM MDT, October 22, 2024\nShare\n",
            "Library to close for a year of repairs",
            "Jane Roe",
            "2024-10-22",
        ),
        (  # a list of teasers that ends in the page's own headline, over its byline
            "Home\nLatest\nMac Pro Shipping in December\nFirst Impressions Praise the Keyboard\n"
            "Library Opening Hours Change for the Holidays\n"
            "Library to Close for a Year of Repairs, Council Says\n"
            "Monday November 18, 2019 7:45 am PST by Jane Roe\n",
            "Library to Close for a Year of Repairs, Council Says",
            "Jane Roe",
            "2019-11-18",
        ),
        (  # the headline, then its unstopped dek, both over the byline: the first is it
            "Home\nVisit our partner site\nLibrary to close for a year of repairs\n"
            "The council voted and the repairs will take most of next year\nBy Jane Roe\n"
            "Published Nov 18, 2019 at 4:07 PM\n",
            "Library to close for a year of repairs",
            "Jane Roe",
            "2019-11-18",
        ),
        (  # a byline with its place in brackets; share buttons in another language
            "Accueil\nLyon veut transformer trois parkings en fermes urbaines\n"
            "Par Claire Dufresne (Lyon, correspondante)\nPublié le 14 mai 2024 à 06h00\n"
            "Partager sur Facebook\nCopier le lien\n",
            "Lyon veut transformer trois parkings en fermes urbaines",
            "Claire Dufresne",
            "2024-05-14",
        ),
        (  # a name over the paper, then the time; a name over its own biography
            "Home\nLibrary to close for a year of repairs\nDanielle Ortiz\nAsbury Park Press\n"
            "Published 5:04 a.m. ET Feb. 21, 2024\n",
            "Library to close for a year of repairs",
            "Danielle Ortiz",
            "2024-02-21",
        ),
        (
            "Home\nLibrary to close for a year of repairs\nJan 15, 2025, 12:48 AM ET\n"
            "Kevin Ashworth\nClose\nKevin Ashworth covers the town for the Ledger. He joined "
            "the paper in 2019.\n",
            "Library to close for a year of repairs",
            "Kevin Ashworth",
            "2025-01-15",
        ),
        (  # a dek without its full stop, right over the byline
            "Home\nLibrary to close for a year of repairs\n"
            "Readers packed the meeting, fearing the branch would never open its doors again\n"
            "By Jane Roe\nTue 16 Apr 2024 07.00 BST\n",
            "Library to close for a year of repairs",
            "Jane Roe",
            "2024-04-16",
        ),
        (  # no headline found: the byline and date right above the body are still read
            "Author:\nJane Roe\nPublished: Nov 18, 2019\n",
            None,
            "Jane Roe",
            "2019-11-18",
        ),
        (  # an unstopped dek and a credited photo between the headline and its byline
            "Science\nHedgehogs find refuge in towns as countryside numbers keep falling\n"
            "Rural populations have halved since 2000 but urban gardens are helping the species "
            "hold its ground, report finds\n"
            "Urban hedgehog numbers appear to have stabilised after years of decline\n"
            "Credit: Andrew Matthews/PA\nBy Harriet Ellery, Science Correspondent\n"
            "22 June 2017 • 10:00pm\n",
            "Hedgehogs find refuge in towns as countryside numbers keep falling",
            "Harriet Ellery",
            "2017-06-22",
        ),
        (  # the writer nearest the headline above it, not a menu's sub-brand over another (`WIRED
            # Insider` over `WIRED Consulting`)
            "Library to close for a year of repairs\nNews\nCity\nPULSE Insider\n"
            "PULSE Consulting\nCoupons\nSign In\nLena Vashti\nScience\n"
            "Jun 14, 2023 7:00 AM\nLibrary to close for a year of repairs\n",
            "Library to close for a year of repairs",
            "Lena Vashti",
            "2023-06-14",
        ),
        (  # a writer card's `See All` over a date is no writer
            "Library to close for a year of repairs\nBy Noah Kessler\n"
            "Noah Kessler's Most Recent Stories\nParks to stay open late this summer\n"
            "See All\nSeptember 27, 2018\n",
            "Library to close for a year of repairs",
            "Noah Kessler",
            "2018-09-27",
        ),
    ],
)
def test_headline_block_variants(head, title, author, date):
    extracted = read_text(head + BODY)
    assert (extracted.title, extracted.author, extracted.date) == (title, author, date)
    assert extracted.dek in (None, *UNSTOPPED_DEKS)  # and no dek taken from elsewhere
    assert len(extracted.blocks) == 3  # the body alone: no label, timestamp or link in it


@pytest.mark.parametrize(
    ("head", "title", "dek"),
    [
        (  # a press release: Title Case headline over its subhead in sentence case, no byline
            "Press Release\nCity Council Approves $4 Million Plan to Repair the Old Library\n"
            "The branch will close for most of next year while crews replace its roof\n"
            "May 29, 2024\nShare\n",
            "City Council Approves $4 Million Plan to Repair the Old Library",
            "The branch will close for most of next year while crews replace its roof",
        ),
        (  # both in sentence case: the line over the date is the headline
            "Press Release\nCouncil moves ahead with repairs\n"
            "City council approves plan to repair the old library\nMay 29, 2024\n",
            "City council approves plan to repair the old library",
            None,
        ),
    ],
)
def test_title_case_headline_over_its_subhead(head, title, dek):
    extracted = read_text(head + BODY)
    assert (extracted.title, extracted.dek) == (title, dek)
    assert len(extracted.blocks) == 3


@pytest.mark.parametrize(
    ("head", "title", "author"),
    [
        (  # a headline of two sentences in Title Case, stops and all (NYT)
            "Supported by\nLibrary Repairs Were Promised. In One Town, They Split Neighbors "
            "Instead.\nShare full article\nBy Caleb Whitford\nReporting from Marysburg, Ohio\n"
            "June 4, 2024\n",
            "Library Repairs Were Promised. In One Town, They Split Neighbors Instead.",
            "Caleb Whitford",
        ),
        (  # a headline ending in a quotation, with no stop of its own (Corriere)
            "Il caso\nLa biblioteca aperta fino a mezzanotte: in un mese 12 mila ingressi. "
            "«Qui studio meglio che a casa»\ndi Giulia Ferretti\n",
            "La biblioteca aperta fino a mezzanotte: in un mese 12 mila ingressi. «Qui studio "
            "meglio che a casa»",
            "Giulia Ferretti",
        ),
        (  # a syndicated story: the paper's name between headline and writer is neither
            "Feedback\nLibrary to close for a year of repairs\nThe Lakeshore Sentinel\n"
            "Margaret Oyelaran\nTue, June 4, 2024 at 3:42 PM EDT\n3 min read\n",
            "Library to close for a year of repairs",
            "Margaret Oyelaran",
        ),
    ],
)
def test_headlines_that_end_like_sentences_and_papers_that_are_not_headlines(head, title,
                                                                              author):
    extracted = read_text(head + BODY)
    assert (extracted.title, extracted.author) == (title, author)
    assert len(extracted.blocks) == 3


def test_dates_in_two_parts_and_under_the_body():
    # `Updated …|Published …` in one line is a date line however long
    head = ("Library to close for a year of repairs\nBy Jane Roe\n"
            "Updated June 4, 2024 at 3:42 p.m. EDT|Published June 4, 2024 at 6:00 a.m. EDT\n")
    assert read_text(head + BODY).date == "2024-06-04"
    # with none above the body, the date right under its last paragraph (Corriere)
    page = ("Library to close for a year of repairs\ndi Giulia Ferretti\n" + BODY
            + "4 marzo 2024 (modifica il 4 marzo 2024 | 12:34)\n© RIPRODUZIONE RISERVATA\n")
    extracted = read_text(page)
    assert extracted.date == "2024-03-04" and len(extracted.blocks) == 3


@pytest.mark.parametrize("button", ["+ FOLLOW", "Follow"])
def test_a_bare_byline_over_a_button_to_follow_the_writer(button):
    head = (f"Library to close for a year of repairs\nFiona Tse\n{button}\n"
            "Published: 8:00pm, 4 Jun 2024\n")
    extracted = read_text(head + BODY)
    assert (extracted.author, extracted.date) == ("Fiona Tse", "2024-06-04")


@pytest.mark.parametrize("byline", [
    "Hannah Rowcliffe\nSocial Affairs Correspondent\nSaturday 17 August 2024 09:41 BST\n",
    "Hannah Rowcliffe\nby Hannah Rowcliffe\nStaff writer\nJan 9, 2025\n",  # her card, then it
])
def test_a_headline_over_its_unstopped_dek_and_a_byline_without_by(byline):
    head = ("Home News\nLibrary to close for a year of repairs\n"
            "Readers packed the meeting, fearing the branch would never open its doors again\n"
            + byline)
    extracted = read_text(head + BODY)
    assert (extracted.title, extracted.author) == ("Library to close for a year of repairs",
                                                   "Hannah Rowcliffe")


def test_a_caption_credited_by_an_agency_alone_under_it():
    head = ("Binnenland\nTexel gaat betaald parkeren invoeren bij stranden\nNOS Nieuws•\n"
            "dinsdag 10 september 2024, 14:32\nDeel artikel:\n"
            "Geparkeerde auto's bij strandpaal 17 op Texel\nANP\n")
    extracted = read_text(head + BODY)
    assert extracted.title == "Texel gaat betaald parkeren invoeren bij stranden"
    assert (extracted.image_caption, extracted.image_credit) == (
        "Geparkeerde auto's bij strandpaal 17 op Texel", "ANP")


def test_a_blogs_byline_under_the_post_and_a_reporter_named_before_the_editor():
    page = "Library to close for a year of repairs\nAugust 27, 2019\n" + BODY
    extracted = read_text(page + "Posted by Ruth Calloway at 9:14 PM\nLabels: library\n")
    assert extracted.author == "Ruth Calloway" and len(extracted.blocks) == 3
    head = ("Library to close for a year of repairs\nReported by Saurabh Malhotra, Edited by "
            "Anjali Menon | Updated: June 04, 2019 21:38 IST\n")
    assert read_text(head + BODY).author == "Saurabh Malhotra"


def test_the_header_over_a_long_gallery_then_the_headline_again():
    gallery = "".join(f"{n} of 8\nMarisela Ochoa in her home on Tuesday.\nPhoto: Mark Heredia, "
                      "Houston Chronicle / Staff photographer\n" for n in range(1, 9))
    page = ("HOUSTON & TEXAS\nLibrary to close for a year of repairs\nLeah Brannigan\n"
            "March 19, 2019\n" + gallery + "Library to close for a year of repairs\n" + BODY)
    extracted = read_text(page)
    assert (extracted.author, extracted.date) == ("Leah Brannigan", "2019-03-19")
    assert len(extracted.blocks) == 3


def test_with_no_headline_found_the_byline_and_date_past_the_photo_and_buttons():
    # a headline of two sentences in sentence case is not read as one (a dek's shape)
    head = ("CALIFORNIA\nA neighborhood waited 40 years for sidewalks. Now the city says it "
            "cannot afford them.\nChildren walk along the dirt shoulder of Kellogg Drive.\n"
            "(Gina Ferrazzi / Los Angeles Times)\nBy ADRIANA VÉLEZ\nSTAFF WRITER\n"
            "OCT. 14, 2019\n5 AM\nFacebook\nTwitter\n")
    extracted = read_text(head + BODY)
    assert (extracted.author, extracted.date) == ("ADRIANA VÉLEZ", "2019-10-14")
    assert extracted.title != "(Gina Ferrazzi / Los Angeles Times)"
    assert len(extracted.blocks) == 3


def test_a_numeric_date_is_read_day_first_on_a_page_not_in_english():
    corpo = ("A prefeitura anunciou nesta quinta-feira que a biblioteca vai fechar para obras "
             "que devem durar um ano.\nOs moradores que falaram na reunião disseram que a "
             "biblioteca era o único lugar tranquilo da cidade.\n“Vamos reabrir melhor do que "
             "antes”, disse o prefeito depois da votação.\n")
    head = "Biblioteca vai fechar por um ano para obras\nPor Carolina Bastos\n12/09/2019 06h00\n"
    assert read_text(head + corpo).date == "2019-09-12"
    english = "Library to close for a year of repairs\nBy Jane Roe\n12/09/2019 06:00\n"
    assert read_text(english + BODY).date == "2019-12-09"  # read as American


def test_another_date_on_the_page_shows_which_way_its_numeric_dates_are_written():
    head = "Library to close for a year of repairs\nBy Jane Roe\n12/04/2024 06:00\n"
    day_first = BODY + "Updated 15/04/2024\n"  # no 15th month: the page writes the day first
    assert read_text(head + day_first).date == "2024-04-12"
    month_first = BODY + "Updated 04/15/2024\n"
    assert read_text(head + month_first).date == "2024-12-04"
    both = BODY + "Updated 04/15/2024, 15/04/2024\n"  # they disagree: the language decides
    assert read_text(head + both).date == "2024-12-04"


def test_unstopped_deks_under_a_long_headline_are_its_deks():
    # (El Mundo: a long headline and two deks without full stops, then the photo, its
    # credit, the writer in capitals and the date)
    head = ("Comercio\n"
            "El mercado del barrio cumple tres años de reinvención con lista de espera para "
            "abrir puesto\n"
            "Más de 30 comerciantes aspiran a alguno de los locales libres del mercado municipal, "
            "que tenía la mitad de sus puestos cerrados\n"
            "Los vecinos critican que la oferta de ocio nocturno ha desplazado a las fruterías "
            "tradicionales\n"
            "Varios clientes compran en uno de los puestos del mercado, en la calle Mayor.\n"
            "DAVID CARRASCOSA\nLUCÍA BERROCAL\nMadrid\n"
            "Actualizado Miércoles, 10 mayo 2017 - 13:42\n")
    extracted = read_text(head + BODY)
    assert extracted.title.startswith("El mercado del barrio")
    assert (extracted.author, extracted.date) == ("LUCÍA BERROCAL", "2017-05-10")
    assert len(extracted.blocks) == 3


def test_two_writers_over_the_time_and_a_stopped_date_line_that_says_it_is_one():
    yle = ("Library to close for a year of repairs\n"
           "Anni Korhonen, Jussi Mäkelä\n14.1.2015 klo 6:04\n")
    assert (read_text(yle + BODY).author, read_text(yle + BODY).date) == (
        "Anni Korhonen, Jussi Mäkelä", "2015-01-14")
    le_temps = ("Library to close for a year of repairs\nSylvain Favre\n"
                "Publié mardi 14 novembre 2017 à 18:42, modifié mardi 14 novembre 2017 à 20:05.\n")
    assert read_text(le_temps + BODY).date == "2017-11-14"


def test_a_row_of_sections_is_no_headline():
    head = ("Local News | Transportation | Traffic Lab\nLibrary to close for a year of repairs\n"
            "Text by:\nCamille Roussel\nJune 12, 2019 at 6:00 am\n")
    extracted = read_text(head + BODY)
    assert extracted.title == "Library to close for a year of repairs"
    assert extracted.author == "Camille Roussel"
