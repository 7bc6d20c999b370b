"""Dates, bylines, credits and source names, read from single pasted lines."""

from __future__ import annotations

import pytest

from builder.ingest.metadata import (
    byline_author,
    copyright_holder,
    credit_text,
    is_credit_line,
    is_date_line,
    numeric_order,
    parse_date,
    source_name,
    split_credit,
)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("November 19, 2019", "2019-11-19"),
        ("Nov. 19, 2019 8:03 am ET", "2019-11-19"),
        ("Published Nov 18, 2019 at 4:07 PM", "2019-11-18"),
        ("Wednesday 20 November 2019 9:22 am", "2019-11-20"),
        ("20 Nov, 2019 05:47", "2019-11-20"),
        ("By Tim Childers 2019-11-19T12:48:14Z Space", "2019-11-19"),
        ("By Tess Bonn - 11/19/19 06:56 AM EST", "2019-11-19"),
        ("Posted on Maret 30, 2015 by Admin", "2015-03-30"),
        ("19. November 2019", "2019-11-19"),
        ("19 novembre 2019", "2019-11-19"),
        ("19 de noviembre de 2019", "2019-11-19"),
        ("19.11.2019, 14:05 Uhr", "2019-11-19"),
        ("Updated: 19 November 2019, 09:01 AM", "2019-11-19"),
        ("no date here", None),
        ("February 30, 2019", None),
        ("Carlos Nadalim 27/09/2018 Comente!", "2018-09-27"),  # day first: no 27th month
        ("05/06/2019", "2019-05-06"),  # ambiguous: read as American
        ("PUBLISHED WED, NOV 20 20194:29 AM EST", "2019-11-20"),  # a time glued to the year
        ("Nov 20 20194", None),
        ("22 października 2019, 10:12", "2019-10-22"),  # Polish, Turkish, Finnish months
        ("20 ağustos 2019", "2019-08-20"),
        ("3 marraskuuta 2019", "2019-11-03"),
        ("Last Updated: 15/10/19 4:12pm", "2019-10-15"),  # day first, the year in two digits
        ("06.19.19 in Transportation", "2019-06-19"),  # month first, with stops
        ("19.06.19", "2019-06-19"),
        ("version 2.10.19 released", None),
        ("1.2.3.4", None),
        ("Published: 27 February ,2024: 04:12 PM GST", "2024-02-27"),  # a space before the comma
        # BBC Sport's date said twice, glued to the year
        ("Last updated on 11 February 201811 February 2018.From the section Athletics",
         "2018-02-11"),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_parse_date_day_first():
    assert parse_date("12/09/2019 06h00", day_first=True) == "2019-09-12"
    assert parse_date("27/09/2018", day_first=True) == "2018-09-27"
    assert parse_date("11/19/19", day_first=True) == "2019-11-19"  # no 19th month
    assert parse_date("Nov 19, 2019", day_first=True) == "2019-11-19"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("November 18, 2019 | 4:10pm", True),
        ("Chris Davies - Nov 19, 2019, 10:31 pm CST", True),
        ("Civilians walk past a tank destroyed during heavy fighting in an area controlled "
         "by separatist forces at Mariupol April 19, 2022. AP/Alexei Alexandrov", False),
        ("© 2019", False),
    ],
)
def test_date_lines(line, expected):
    assert is_date_line(line) is expected


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Sarah E. Needleman", "Sarah E. Needleman"),
        ("By Amy Kuperinsky | NJ Advance Media for NJ.com", "Amy Kuperinsky"),
        ("By Tess Bonn - 11/19/19 06:56 AM EST", "Tess Bonn"),
        ("written by Regan", "Regan"),
        ("Von Max Mustermann", "Max Mustermann"),
        ("Par Jeanne Dupont, 19 novembre 2019", "Jeanne Dupont"),
        ("By Mike Wuerthele and Malcolm Owen", "Mike Wuerthele and Malcolm Owen"),
        ("BY KASHMIRA GANDER ON 11/19/19 AT 7:08 AM EST", "KASHMIRA GANDER"),
        ("By continuing you agree to our Privacy Policy and Terms of Use", None),
        ("Bye bye", None),
        ("By Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST", "Chris Pokorny"),
        ("By Theresa May", "Theresa May"),
        ("By Umair Irfan Updated Nov 19, 2019 11:05 AM", "Umair Irfan"),
        ("By Meg JamesStaff Writer", "Meg James"),
        ("By Marquis Bellamy Tribune Staff Writer", "Marquis Bellamy"),
        ("By Carolyn Pressley cpressley@postandcourier.com", "Carolyn Pressley"),
        ("By Jane Post", "Jane Post"),
        ("Authors: Rafael Ochoa, Kimberly Price", "Rafael Ochoa and Kimberly Price"),
        ("By Owen Carrick owen.carrick@newsday.com @OwenCarrickND", "Owen Carrick"),
        ("By Dana Whitlock Las Vegas Review-Journal", "Dana Whitlock"),
        ("Nishant Kumar @Nishantopines", "Nishant Kumar"),
        ("By Kim Lee Senior Correspondent", "Kim Lee"),
        ("By John Writer", "John Writer"),
        ("By: Jane Doe", "Jane Doe"),
        ("Author: The Water Coolest", "The Water Coolest"),
        ("Authors: Ana Lima and Rui Costa", "Ana Lima and Rui Costa"),
        ("Author Index", None),
        ("Par Claire Dufresne (Lyon, correspondante)", "Claire Dufresne"),
        ("By Jonathan GarberFOXBusiness", "Jonathan Garber"),
        ("Tom Krisher, AP Auto Writer", "Tom Krisher"),
        ("Ana McDonald, senior entertainment writer", "Ana McDonald"),
        ("Jane Doe, Reuters", None),
        ("Washington, Editor", None),
        # no `By`: the writer, then the outlet or the time, apart by a dot, slash or bar
        ("Aileen MacNeil · CBC News · Posted: Jun 04, 2024 4:00 AM ADT", "Aileen MacNeil"),
        ("Rohit Kulkarni / TNN / Updated: Jun 4, 2024, 08:12 IST", "Rohit Kulkarni"),
        ("World News · Asia · Posted: Jun 4, 2024", None),  # a section, not a writer
        ("Chris Davies - Nov 19, 2019, 10:31 pm CST", "Chris Davies"),
        ("DIANA KESSLER - 7/16/2019, 4:45 PM", "DIANA KESSLER"),
        ("Politics / Elections / Congress", None),
        # writers and where they write from
        ("Sophie Lindqvist in Stockholm and Tom Ashcroft in London",
         "Sophie Lindqvist and Tom Ashcroft"),
        ("Macron Speaks in Paris", None),
        ("By JESSICA HARTLEY FOR MAILONLINE", "JESSICA HARTLEY"),  # the outlet after `for`
        ("By Jane Roe for The Guardian", "Jane Roe"),
        ("By Kyle Brenner Fox News", "Kyle Brenner"),  # the outlet after the name
        ("By Mike News", "Mike News"),
        ("WRITER: Paweena Srisuk", "Paweena Srisuk"),  # Bangkok Post's labelled fields
        ("By Lin Chia-hsin / Staff reporter", "Lin Chia-hsin"),
        ("By Rita Sousa Ferreira with AP", "Rita Sousa Ferreira"),
        ("NEWSPAPER SECTION: News", None),
        ("By Colin A. Fitzgerald Globe Staff,Updated November 3, 2019, 6:14 p.m.",
         "Colin A. Fitzgerald"),
    ],
)
def test_byline_author(line, author):
    assert byline_author(line) == author


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Photo: Damian Dovarganes, AP", True),
        ("Image Credit: WeWork", True),
        ("Natalie Naccache | Bloomberg | Getty Images", True),
        ("(Image: © TNG Collaboration)", True),
        ("Sanjeev Verma/Hindustan Times/Getty Images", True),
        ("Anna Moneymaker/The New York Times", True),
        ("Colombia had lost to Belgium on Monday.", False),
        ("GETTY", True),
        ("Protesters have worn masks to protect their identities (Image: GETTY )", False),
        ("WeWork is reportedly being investigated, according to Reuters.", False),
        ("Hilary Swift for The New York Times", True),  # a photographer on assignment
        ("AARON LAVINSKY, STAR TRIBUNE", True),
        ("PHOTO JULIEN DESROSIERS, LA PRESSE", True),
        ("Kevin Mallory, The Detroit News", True),
        ("AFP contributed reporting.", False),
        ("LOS ANGELES, CALIF.", False),  # a dateline
        ("By Rita Sousa Ferreira with AP", False),  # a byline, whatever agency it names
        ("JAMES GLOSSOP FOR THE TIMES", True),
        ("Calls for Calm in Paris", False),  # a headline: not a name before `for`
        ("By Jane Roe for The Guardian", False),  # a byline
    ],
)
def test_credit_lines(line, credit):
    assert is_credit_line(line) is credit


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Photo: Damian Dovarganes, AP", "Damian Dovarganes, AP"),
        ("(Image: © TNG Collaboration)", "TNG Collaboration"),
        ("Image Credit: WeWork", "WeWork"),
        ("Credit...", ""),
        ("Main image credit: Getty", "Getty"),
        ("Alex Wong | Getty Images", "Alex Wong | Getty Images"),
        ("Associated Press November 19, 2019, 9:02 AM", "Associated Press"),
        ("Photo: Reuters, 19 November 2019", "Reuters"),
    ],
)
def test_credit_text(line, credit):
    assert credit_text(line) == credit


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        ("A tank at Mariupol April 19, 2022. AP/Alexei Alexandrov",
         "A tank at Mariupol April 19, 2022.", "AP/Alexei Alexandrov"),
        ("The president at a rally. (Photo by Jane Roe/Getty Images)",
         "The president at a rally.", "Jane Roe/Getty Images"),
        ("A cyclist rides past the plant. © Reuters / David Mercado",
         "A cyclist rides past the plant.", "Reuters / David Mercado"),
        ("Kevin Mayer, the Disney executive.", "Kevin Mayer, the Disney executive.", None),
        ("China has warned protesters (Image: GETTY )", "China has warned protesters", "GETTY"),
        ("Troops remain in Afghanistan [File: Reuters]", "Troops remain in Afghanistan", "Reuters"),
        ("A truck outside a Home Depot. (AP Photo/Alan Diaz, File)",
         "A truck outside a Home Depot.", "AP Photo/Alan Diaz, File"),
        ("Nadal celebrates a point in Madrid. (Manu Fernandez/AP)",
         "Nadal celebrates a point in Madrid.", "Manu Fernandez/AP"),
        ("A farmer inspects rice near Vanga, Kenya [Wanjiru Kamau/Al Jazeera]",
         "A farmer inspects rice near Vanga, Kenya", "Wanjiru Kamau/Al Jazeera"),
        ("A bumblebee in a garden in Leeds. Photograph: Gary Calton/The Observer",
         "A bumblebee in a garden in Leeds.", "Photograph: Gary Calton/The Observer"),
        ("Results of the A/B test [Control/Variant] were mixed",
         "Results of the A/B test [Control/Variant] were mixed", None),
        ("Prices rose. (see chart/table)", "Prices rose. (see chart/table)", None),
        ("Just as bad as the campaign. pic.twitter.com/3BDnrvkoms",
         "Just as bad as the campaign. pic.twitter.com/3BDnrvkoms", None),
        ("An assembly line in Apeldoorn © Bram Kuipers/Bloomberg",
         "An assembly line in Apeldoorn", "Bram Kuipers/Bloomberg"),
        ("Corn outside Marysburg, Ohio.Credit...Maddie Kerr for The New York Times",
         "Corn outside Marysburg, Ohio.", "Maddie Kerr for The New York Times"),
        ("Studenti nella sala lettura (foto Benvenuti)", "Studenti nella sala lettura",
         "Benvenuti"),
        ("The hotel has stood for 120 years. (ABC Central West: Lucy Ferris)",
         "The hotel has stood for 120 years.", "Lucy Ferris"),
        ("The council met on Tuesday (Note: Minutes Attached)",
         "The council met on Tuesday (Note: Minutes Attached)", None),
        ("Workers clear the lake on Thursday. | Photo Credit: M. VEDHAN",
         "Workers clear the lake on Thursday.", "M. VEDHAN"),
        ("Snowplow drivers eat dinner in a classroom on Jan. 6. | Kaori Shimizu",
         "Snowplow drivers eat dinner in a classroom on Jan. 6.", "Kaori Shimizu"),
        ("Prices went up. | Read More", "Prices went up. | Read More", None),
        ("A simulated galaxy cluster. (Image credit: TNG Collaboration)",
         "A simulated galaxy cluster.", "TNG Collaboration"),
        ("Los alumnos, el lunes en su primer día de clase. ANTONIO GARCÍA (EFE)",
         "Los alumnos, el lunes en su primer día de clase.", "ANTONIO GARCÍA (EFE)"),
        ("VOLKSWAGEN ID. SPACE VIZZION CONCEPT", "VOLKSWAGEN ID. SPACE VIZZION CONCEPT", None),
        ("He has bowled on Tuesdays since 1961.Jessica Rinaldi/Globe Staff",
         "He has bowled on Tuesdays since 1961.", "Jessica Rinaldi/Globe Staff"),
        ("The test was mixed.Control/Variant", "The test was mixed.Control/Variant", None),
        ("Parents hold signs outside the board's building. [ DIRK SHADD | Times ]",
         "Parents hold signs outside the board's building.", "DIRK SHADD | Times"),
        ("Residents shared images of the water on social media. Picture: Facebook",
         "Residents shared images of the water on social media.", "Facebook"),
        ("An aerial view of Salalah International Airport. (Supplied)",
         "An aerial view of Salalah International Airport.", "Supplied"),
        ("Cats | Dogs", "Cats | Dogs", None),
        ("The cottage on the Gower peninsula(Image: Google)", "The cottage on the Gower peninsula",
         "Google"),  # glued on (Reach's sites)
        ("The function f(x) returns", "The function f(x) returns", None),
        ("Fishermen plant mangroves in Hội An City. — VNS Photo Minh Khoa",
         "Fishermen plant mangroves in Hội An City.", "Minh Khoa"),
        ("The NASA photo shows Mars", "The NASA photo shows Mars", None),
        ("Protesta de vecinos frente al ayuntamiento. (Cedida)",
         "Protesta de vecinos frente al ayuntamiento.", "Cedida"),
    ],
)
def test_split_credit(caption, text, credit):
    assert split_credit(caption) == (text, credit)


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© 2024 The New York Sun Company, LLC. All rights reserved.", "The New York Sun"),
        ("Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved.", "Dow Jones"),
        ("© 2019 Hearst Communications, Inc.", "Hearst"),
        ("© Reuters", "Reuters"),
        ("Copyright © 2019 Inexhibit - ISSN: 2283-5474", "Inexhibit"),
        ("Not a copyright line", None),
        ("Copyright (с) ООО «Хёрст Шкулёв Паблишинг», 2019.", "Хёрст Шкулёв Паблишинг"),
        ("Copyright © 2019 “The Paradigm”", "The Paradigm"),
        ("© 2019 The Printers (Mysore) Private Ltd.", "The Printers (Mysore)"),
        ("© Private Eye", "Private Eye"),
        ("© Autonomous Nonprofit Organization “TV-Novosti”, 2005–2019. All rights reserved.",
         "TV-Novosti"),
        ("© ScienceAlert Pty Ltd. All rights reserved.", "ScienceAlert"),
        ("© The Detroit News, a Digital First Media Newspaper", "The Detroit News"),
        ("Copyright © 2002-2019 - Designed by Gray Digital Media - Powered by Clickability", None),
        ("© RIPRODUZIONE RISERVATA", None),  # reproduction reserved: no one named
        ("Copyright 2024 © The Bologna Courier. Tutti i diritti sono riservati",
         "The Bologna Courier"),
    ],
)
def test_copyright_holder(line, holder):
    assert copyright_holder(line) == holder


def test_source_prefers_the_masthead_line():
    lines = ["Home", "The Daily Planet", "Body text.", "© 2020 The Daily Planet Media Group Ltd."]
    assert source_name(lines) == "The Daily Planet"


def test_a_one_word_menu_item_is_no_masthead():
    lines = ["Home", "INDIA", "World", "Body text.", "© 2018 Copyright India Post Media Pvt. Ltd."]
    assert source_name(lines) == "India Post"


def test_a_copyright_line_is_not_its_own_masthead():
    assert source_name(["Body text.", "© Reuters"]) == "Reuters"


def test_the_sites_copyright_line_is_the_source_not_a_photos():
    lines = ["Home", "Body text.", "© 2019 Harbour Times Ltd. All rights reserved.",
             "A photo caption.", "© Reuters", "More text."]
    assert source_name(lines) == "Harbour Times"


def test_no_copyright_no_source():
    assert source_name(["Home", "Body text."]) is None




@pytest.mark.parametrize(
    ("lines", "order"),
    [
        (["Posted 15/04/2024 at 10:00"], True),
        (["4/15/24", "12/04/2024"], False),
        (["12/04/2024"], None),  # reads both ways
        (["15/04/2024", "04/15/2024"], None),  # the page disagrees with itself
        (["version 1/15/2024/3", "a score of 3/13"], None),  # not dates
    ],
)
def test_numeric_order(lines, order):
    assert numeric_order(lines) is order


def test_a_date_with_its_month_between_dots():
    assert parse_date("12.jul.2022 às 15h00") == "2022-07-12"  # Folha de S.Paulo
    assert parse_date("Updated 12-Jul-2022") == "2022-07-12"
    assert parse_date("v1.2.2022") is None


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Construction work on Herzl Street, on Tuesday.Credit: Tomer Appelbaum",
         "Tomer Appelbaum"),  # glued on, as Haaretz pastes
        ("A worker on the motor line in Toyama. (Photo courtesy of Kitagawa Seiki)",
         "Kitagawa Seiki"),
        ("Residents formed a human chain on Monday. (Express photo by Pavan Khengre)",
         "Pavan Khengre"),
        ("He said (photo by the river) it was fine", None),
        ("Oppilaita välitunnilla koulun pihalla. Kuva: Jari Turunen / Yle", "Jari Turunen / Yle"),
        ("Dead oysters in Normandy, on February 15, 2023. © Louis Marchand, AFP",
         "Louis Marchand, AFP"),
        ("Residents fill containers at a municipal water tanker. (Thembeka Nxumalo/M&G)",
         "Thembeka Nxumalo/M&G"),
    ],
)
def test_more_trailing_credits(caption, credit):
    assert split_credit(caption)[1] == credit
