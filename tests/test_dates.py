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


def test_a_sentence_near_the_top_is_no_dateline():
    assert dateline_date("Talks\nOn 4 June 2024 Kenya hosted talks with Uganda.\nMore.") is None
    assert dateline_date("Kenya hosted talks on 4 June 2024.\nMore.") is None
    assert dateline_date("4 June 2024, Kenya and Uganda met.\nMore.") is None
    # datelines and bylines still count
    assert dateline_date("Talks\nKampala, 4 June 2024 - Kenya met Uganda.") == "2024-06-04"
    assert dateline_date("By A. Writer | Tuesday 4 June 2024\nText.") == "2024-06-04"
    assert dateline_date("4 June 2024\nText.") == "2024-06-04"


def test_a_year_that_names_a_thing_dates_nothing_and_a_full_date_in_the_sentence_wins():
    from actorgraph.loaders.dates import sentence_date

    s = "Kenya warned Uganda that raids could end the 1998 border accord."
    at = s.index("1998")
    assert sentence_date(s, [(at, at + 4)]) is None
    assert sentence_date(s, [(at - 4, at + 4)]) is None  # the model may tag "the 1998"
    s = "Kenya warned Uganda in 1998."
    assert sentence_date(s, [(s.index("1998"), s.index("1998") + 4)]) == "1998"
    # the model tagged nothing, the sentence still names one full date
    assert sentence_date("Kenya and Uganda signed a truce on 9 March 2021 in Arusha.", []) == "2021-03-09"
    assert sentence_date("Talks on 9 March 2021 and 10 April 2021 failed.", []) is None


@pytest.mark.model
def test_statement_dates_in_the_pipeline(tmp_path):
    from actorgraph.loaders.pipeline import Pipeline

    text = ("Border row\n"
            "Uganda criticised Kenya for threatening the 1998 border accord.\n"
            "Kenyan President Amara Odhiambo, Ugandan President Joseph Mukasa and Rwanda signed a "
            "Nairobi-brokered truce on 9 March 2021.\n")
    (tmp_path / "d.txt").write_text(text)
    source = read_file(tmp_path / "d.txt")[0]
    pipeline = Pipeline()
    found = pipeline.analyse(pipeline.nlp(source.text), source).statements
    dates = {(s.subject, s.type.value, s.object): s.date for s in found}
    assert dates.get(("uganda", "CRITICIZES", "kenya"), "missing") is None, dates
    assert {s.date for s in found if s.line == 3} == {"2021-03-09"}, dates
