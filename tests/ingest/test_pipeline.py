"""The reader chosen for each format, and what is tidied after any reader."""

from __future__ import annotations

from builder.ingest import Block, Extracted
from builder.ingest.pipeline import extract, without_echoed_dek, without_section_label

LEAD = Block("p", "Oil prices fell sharply on Tuesday on oversupply concerns, while a gauge of "
                  "stocks rose.")


def test_a_dek_that_repeats_the_lead_is_dropped_even_cut_short():
    for dek in ("Oil prices fell sharply on Tuesday on oversupply concerns, while a gauge "
                "of stoc...", "Oil prices fell sharply on Tuesday"):
        assert without_echoed_dek(Extracted("T", (LEAD,), dek=dek)).dek is None


def test_a_dek_that_holds_the_whole_text_or_the_lead_after_a_note_is_dropped():
    second = Block("p", "Analysts said the fall would not last beyond the winter months.")
    whole = LEAD.text + " " + second.text + " More to come."
    noted = "This post is sponsored by a refinery. All opinions are mine. " + LEAD.text
    for dek in (whole, noted):
        assert without_echoed_dek(Extracted("T", (LEAD, second), dek=dek)).dek is None


def test_a_dek_of_its_own_or_a_short_one_stays():
    for dek in ("Traders expect another cut before the year is out.", "Oil prices fell"):
        assert without_echoed_dek(Extracted("T", (LEAD,), dek=dek)).dek == dek


def test_markdown_input_keeps_its_dek_as_written():
    text = ("---\ntitle: T\ndek: Oil prices fell sharply on Tuesday\n---\n\n"
            "Oil prices fell sharply on Tuesday on oversupply concerns.\n")
    assert extract(text, "md").dek == "Oil prices fell sharply on Tuesday"


def test_a_section_s_name_beside_the_headline_is_not_part_of_it():
    for title in ("Opinion | Republicans Are Following Trump to Nowhere",
                  "Republicans Are Following Trump to Nowhere | Opinion"):
        assert without_section_label(Extracted(title, (LEAD,))).title == (
            "Republicans Are Following Trump to Nowhere")
    for title in ("Rock | Paper", "Opinion polls show a lead"):
        assert without_section_label(Extracted(title, (LEAD,))).title == title


def test_markdown_input_keeps_its_title_as_written():
    assert extract("---\ntitle: Opinion | Mine\n---\n\nText.\n", "md").title == "Opinion | Mine"
