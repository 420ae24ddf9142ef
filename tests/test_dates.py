"""Dates: parsed only where the text fixes them; documents from their dateline, statements
from their own sentence, falling back to the document's date."""
import pytest

from actorgraph.loaders.dates import dateline_date, full_date, parse_date
from actorgraph.loaders.readers import read_file


@pytest.mark.parametrize("text,iso", [
    ("14 March 2019", "2019-03-14"),
    ("March 14, 2019", "2019-03-14"),
    ("Sept. 3rd, 2015", "2015-09-03"),
    ("2019-03-14", "2019-03-14"),
    ("in April 2019", "2019-04"),
    ("in 2016", "2016"),
    ("since early 2022", "2022"),
    ("31 April 2020", "2020-04"),  # no such day: the month and year still hold
    ("2011-2015", None),          # a span, not a date
    ("the first day", None),
    ("last Tuesday", None),
    ("15 August", None),          # no year and no document date to take it from
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_a_day_without_year_takes_the_documents_year_unless_that_puts_it_later():
    assert parse_date("on 15 August", "2021-08-30") == "2021-08-15"
    assert parse_date("on 20 December", "2022-01-05") == "2021-12-20"
    assert parse_date("on 15 August", "2021") is None  # the reference must be a full date


def test_dateline_opens_a_line_near_the_top():
    assert dateline_date("Ceasefire holds\nNAIROBI, 4 June 2024 (Wire) - Kenya hosted talks.") == "2024-06-04"
    assert dateline_date("BULLETIN - 2 May 2020\nText.") == "2020-05-02"
    # a date inside the story is no dateline, nor is one far below the top
    assert dateline_date("Brief\nThe talks, which the mediators first convened in Addis Ababa, "
                         "ended on 4 June 2024.") is None
    assert dateline_date("a\nb\nc\nd\nLIMA, 4 June 2024 - x") is None
    assert full_date("no date here") is None


def test_reader_dates_a_document_from_its_dateline_unless_its_record_has_one(tmp_path):
    (tmp_path / "a.txt").write_text("Talks resume\nADDIS ABABA, July 9, 2023 - Ethiopia met Kenya.\n")
    assert read_file(tmp_path / "a.txt")[0].document.date == "2023-07-09"
    (tmp_path / "b.jsonl").write_text(
        '{"text": "DAKAR, 1 March 2021 - Senegal met Mali.", "date": "2021-03-02"}\n'
        '{"text": "DAKAR, 1 March 2021 - Senegal met Mali again."}\n')
    assert [s.document.date for s in read_file(tmp_path / "b.jsonl")] == ["2021-03-02", "2021-03-01"]


@pytest.mark.model
def test_statements_take_their_sentences_date_else_the_documents(tmp_path):
    from actorgraph.loaders.pipeline import Pipeline

    text = ("Border dispute\n"
            "ACCRA, 12 May 2024 - Ghana criticised Togo on Sunday.\n"
            "In March 2023 Benin sanctioned Niger.\n"
            "Nigeria backed Benin on 2 April.\n"
            "Niger attacked Benin in 2019 and Chad attacked Niger in 2021.\n")
    (tmp_path / "d.txt").write_text(text)
    source = read_file(tmp_path / "d.txt")[0]
    pipeline = Pipeline()
    found = pipeline.analyse(pipeline.nlp(source.text), source).statements
    dates = {(s.subject, s.type.value, s.object): s.date for s in found}
    assert dates[("ghana", "CRITICIZES", "togo")] == "2024-05-12"    # the dateline
    assert dates[("benin", "SANCTIONS", "niger")] == "2023-03"       # its own sentence
    assert dates[("nigeria", "SUPPORTS", "benin")] == "2024-04-02"   # day given, year from the dateline
    # two dates in one sentence: which goes with which is not guessed
    assert dates[("niger", "ATTACKS", "benin")] == "2024-05-12"
