"""Readers: every supported format, and one clear error per kind of bad input."""
import json

import pytest

from actorgraph.graph import InputError
from actorgraph.loaders.readers import find_files, read_file, visible_text


def write(tmp_path, name, data):
    p = tmp_path / name
    (p.write_bytes if isinstance(data, bytes) else p.write_text)(data)
    return p


def test_txt_keeps_text_and_hashes_content(tmp_path):
    a = read_file(write(tmp_path, "a.txt", "Kenya hosted talks.\nUganda sent troops.\n"))
    b = read_file(write(tmp_path, "b.txt", "Kenya hosted talks.\nUganda sent troops.\n"))
    assert a[0].text.splitlines()[1] == "Uganda sent troops."
    assert a[0].document.id == b[0].document.id  # same content, same id
    assert a[0].document.source.endswith("a.txt")


def test_html_keeps_only_visible_text():
    html = ("<html><head><title>t</title><style>p{}</style><script>var x='Iran attacked';</script></head>"
            "<body><p>Chad &amp; Niger met.</p><div>Second <b>para</b></div><noscript>hidden</noscript></body></html>")
    text = visible_text(html)
    assert text.splitlines() == ["Chad & Niger met.", "Second para"]


def test_jsonl_records_with_metadata(tmp_path):
    lines = [json.dumps({"id": "n1", "text": "Mali expelled France's ambassador.", "date": "2022-01-31",
                         "title": "Envoy out"}),
             "",
             json.dumps({"body": "Togo backed ECOWAS.", "source": "wire"})]
    docs = read_file(write(tmp_path, "d.jsonl", "\n".join(lines)))
    assert [d.document.date for d in docs] == ["2022-01-31", None]
    assert docs[0].document.title == "Envoy out"
    assert docs[1].document.source == "wire"


def test_csv_text_column(tmp_path):
    docs = read_file(write(tmp_path, "d.csv", 'id,text,date\n1,"Ghana, Benin and Togo met.",2023-05-01\n'))
    assert docs[0].text == "Ghana, Benin and Togo met." and docs[0].document.date == "2023-05-01"


@pytest.mark.parametrize("name,data,problem", [
    ("empty.txt", "  \n\n", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("latin1.txt", "Bogot\xe1 talks".encode("latin-1"), "not UTF-8"),
    ("bad.jsonl", '{"text": "ok"}\n{"text": broken\n', "bad.jsonl:2: malformed JSON"),
    ("list.jsonl", '["not", "an", "object"]\n', "expected a JSON object"),
    ("notext.jsonl", '{"title": "no text"}\n', "no text field"),
    ("nocol.csv", "id,title\n1,x\n", "no text column"),
    ("ragged.csv", 'id,text\n1,"ok"\n2,"a",extra\n', "malformed CSV"),
    ("quote.csv", 'id,text\n1,"unterminated\n', "malformed CSV"),
    ("scripts.html", "<script>only()</script>", "no visible text"),
    ("data.pdf", "%PDF-1.4", "unsupported file type"),
])
def test_bad_input_names_file_and_problem(tmp_path, name, data, problem):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as err:
        read_file(path)
    assert name in str(err.value) and problem in str(err.value)
    assert "\n" not in str(err.value)


def test_unreadable_file(tmp_path):
    import os

    path = write(tmp_path, "locked.txt", "Peru met Chile.")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads everything: use a directory named like a file instead
        path.chmod(0o644)
        path = tmp_path / "dir.txt"
        path.mkdir()
    with pytest.raises(InputError) as err:
        read_file(path)
    assert "cannot read" in str(err.value)


def test_find_files_recurses_and_reports_missing(tmp_path):
    write(tmp_path, "a.txt", "x")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.md", "y")
    write(tmp_path / "sub", "c.png", "z")
    files, errors = find_files([tmp_path, tmp_path / "missing"])
    assert [f.name for f in files] == ["a.txt", "b.md"]
    assert "missing: no such file or folder" in str(errors[0])


def test_a_bad_jsonl_line_is_skipped_by_number_and_the_good_lines_kept(tmp_path):
    path = write(tmp_path, "mixed.jsonl", '{"text": "Peru met Chile."}\n{oops\n\n["list"]\n'
                                          '{"title": "no text"}\n{"text": "Chile met Bolivia."}\n')
    errors = []
    docs = read_file(path, errors=errors)
    assert [d.text for d in docs] == ["Peru met Chile.", "Chile met Bolivia."]
    assert [str(e).split(": ")[0] for e in errors] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "malformed JSON" in str(errors[0])


def test_a_csv_row_without_text_is_skipped_by_number_and_the_good_rows_kept(tmp_path):
    path = write(tmp_path, "mixed.csv", 'id,text\n1,"Peru met Chile."\n2,\n3,"a",extra\n4,"Chile met Bolivia."\n')
    errors = []
    docs = read_file(path, errors=errors)
    assert [d.text for d in docs] == ["Peru met Chile.", "Chile met Bolivia."]
    assert [str(e).split(": ")[0] for e in errors] == [f"{path}:3", f"{path}:4"]
    assert "empty text" in str(errors[0]) and "malformed CSV row" in str(errors[1])


def test_html_title_becomes_the_document_title_and_menus_and_footers_are_not_text(tmp_path):
    page = ("<html><head><title> Talks in  Lima &amp; Quito </title></head><body>"
            "<nav><ul><li>Home</li><li>World</li></ul></nav>"
            "<div role='navigation'>Sections: Politics</div>"
            "<article><h1>Peru and Chile meet</h1><p>Peru hosted Chile.</p></article>"
            "<footer><p>Copyright Example Press</p></footer><p>Chile thanked Peru.</p></body></html>")
    doc = read_file(write(tmp_path, "page.html", page))[0]
    assert doc.document.title == "Talks in Lima & Quito"
    assert doc.text.splitlines() == ["Peru and Chile meet", "Peru hosted Chile.", "Chile thanked Peru."]
    assert read_file(write(tmp_path, "untitled.html", "<p>Peru met Chile.</p>"))[0].document.title is None
