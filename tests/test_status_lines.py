"""status.toml errors name the line at fault, and ``init`` edits every file ``check`` accepts
(issue 9, hostile tester): ``[status.meta]`` on line 19 is reported on line 19, not line 1;
``["status"]`` is edited, not refused; what one refuses the other refuses with the same
message. Real CLI runs; CPython's own tomllib test documents as the differential."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from pelican_bij1code import tomllines
from pelican_bij1code.catalogue import read_statuses

SHIPPED = (Path(__file__).resolve().parent.parent / "locales" / "status.toml").read_text(
    encoding="utf-8")


def cli(locales: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "pelican_bij1code", "--locales",
                             str(locales), *args], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-2000:]
    return result


def _line(text: str, marker: str) -> int:
    """The line (counted by \\n, as TOML counts) that holds ``marker``."""
    return text[:text.index(marker)].count("\n") + 1


#: Files check must refuse, each with the text found on the line at fault.
REFUSED = {
    "table-inside-status": SHIPPED + '\n[status.meta]\nwho = "x"\n',
    "quoted-table-inside-status": SHIPPED + '\n[ "status" . \'meta\' ]\n',
    "array-of-status-tables": '# c\n\n[[status]]\nen = "published"\n',
    "dotted-keys-at-the-top": '# c\n\nstatus.en = "published"\n',
    "inline-table": '\n\nstatus = { en = "published" }\n',
    "quoted-dotted-keys": '# c\n"status"."en" = "published"\n',
    "bad-language-after-a-long-string": (
        '[notes]\ntext = """\nen = "Draft"\n"""\nlist = [\n  "a",  # en = "Draft"\n]\n'
        '[status]\nen = "Draft"\n'),
    "after-a-line-separator-in-a-comment": '# a\u2028b\u0085c\n[status]\nen = "Draft"\n',
    "escaped-key": '[status]\ntr = "draft"\n"\\u0065n" = "Draft"\n',
    "not-a-language": '[status]\nen = "draft"\n\n"e n" = "draft"\n',
    "dotted-language": '[status]\nen = "draft"\ntr.x = "draft"\n',
    "end-of-document": '[status]\nen = "draft"\n\ntr = """draft\n\n',
    "deep": '[status]\nen = "draft"\n\nx = ' + "[" * 5000 + "]" * 5000 + "\n",
    # a hostile pass: each made every language a draft, or one a draft and published, silently
    "capital-status": '# c\n[Status]\nen = "published"\n',
    "spaced-status": '# c\n[status]\nen = "published"\n[" status "]\ntr = "draft"\n',
    "twin-languages": '[status]\nen = "published"\nEN = "draft"\n',
    "twin-spellings": '[status]\nsr_Latn = "draft"\n"sr@latin" = "published"\n',
}
MARKERS = {
    "table-inside-status": "[status.meta]", "quoted-table-inside-status": '[ "status"',
    "array-of-status-tables": "[[status]]", "dotted-keys-at-the-top": "status.en",
    "inline-table": "status = {", "quoted-dotted-keys": '"status"."en"',
    "bad-language-after-a-long-string": '[status]\nen = "Draft"',
    "after-a-line-separator-in-a-comment": 'en = "Draft"',
    "escaped-key": '"\\u0065n"', "not-a-language": '"e n"', "dotted-language": "tr.x",
    "end-of-document": "tr = ", "deep": "x = [", "capital-status": "[Status]",
    "spaced-status": '[" status "]', "twin-languages": "EN =", "twin-spellings": '"sr@latin"',
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_check_and_init_refuse_naming_the_same_line(locales: Path, case: str) -> None:
    text = REFUSED[case]
    line = _line(text, MARKERS[case]) + (1 if case == "bad-language-after-a-long-string" else 0)
    if case == "end-of-document":
        line = text.count("\n")  # the last line: tomllib says "at end of document"
    (locales / "status.toml").write_text(text, encoding="utf-8")
    checked = cli(locales, "check")
    started = cli(locales, "init", "de")
    assert checked.returncode == started.returncode == 2, checked.stderr + started.stderr
    said = checked.stderr.strip().rpartition("status.toml:")[2]
    assert said.startswith(f"{line}: "), (case, checked.stderr)
    assert said in started.stderr, (said, started.stderr)  # the same message from both
    assert not (locales / "de").exists()
    assert (locales / "status.toml").read_text(encoding="utf-8") == text


def test_the_reported_status_meta_line_is_19(locales: Path) -> None:
    """The tester's case, as written: the shipped file and a trailing [status.meta]."""
    text = REFUSED["table-inside-status"]
    assert _line(text, "[status.meta]") == 19
    (locales / "status.toml").write_text(text, encoding="utf-8")
    assert "status.toml:19:" in cli(locales, "check").stderr


#: Spellings of the [status] table header check accepts; init must edit each.
SPELLINGS = ["[status]", '["status"]', "['status']", "[ status ]", '[ "status" ]',
             "[\t'status'\t]  # ours", '["st\\u0061tus"]']


@pytest.mark.parametrize("header", SPELLINGS)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_init_edits_every_spelling_check_accepts(locales: Path, header: str,
                                                 newline: str) -> None:
    lines = ["# who decides: the board", "", "[notes]", 'text = """', "[status]",
             'fake = "published"', '"""', "", header, 'en = "published"', "'tr' = 'published'",
             "# a comment after the keys", "", "[other]", "x = [", "  1,", "]", ""]
    text = newline.join(lines)
    (locales / "status.toml").write_bytes(text.encode("utf-8"))
    assert cli(locales, "check").returncode == 0
    started = cli(locales, "init", "de")
    assert started.returncode == 0, started.stderr
    after = (locales / "status.toml").read_bytes().decode("utf-8")
    # one line added, after the table's last key; every other line byte for byte
    expected = [*lines[:11], 'de = "draft"', *lines[11:]]
    assert after == newline.join(expected)
    assert tomllib.loads(after)["status"] == {"en": "published", "tr": "published",
                                              "de": "draft"}
    assert cli(locales, "check").returncode == 0


def test_init_adds_a_status_table_when_there_is_none(locales: Path) -> None:
    text = '# only notes\n[notes]\nwho = "x"'  # no newline at the end
    (locales / "status.toml").write_text(text, encoding="utf-8")
    assert cli(locales, "init", "de").returncode == 0
    after = (locales / "status.toml").read_text(encoding="utf-8")
    assert after == text + '\n\n[status]\nde = "draft"\n'


def test_init_of_sr_latin_quotes_its_key(locales: Path) -> None:
    assert cli(locales, "init", "sr@latin").returncode == 0
    after = (locales / "status.toml").read_text(encoding="utf-8")
    assert after == SHIPPED + '"sr@latin" = "draft"\n'
    assert read_statuses(after, "s")["sr@latin"] == "draft"


# -- the line finder against tomllib, on documents nobody here wrote --------------------------


def _valid_documents() -> list[Path]:
    data = Path(sysconfig.get_paths()["stdlib"]) / "test" / "test_tomllib" / "data" / "valid"
    repo = Path(__file__).resolve().parent.parent
    return [*sorted(data.rglob("*.toml")), repo / "pyproject.toml",
            repo / "locales" / "status.toml"]


@pytest.mark.parametrize("path", _valid_documents(), ids=lambda p: p.name)
def test_every_key_span_is_exactly_its_key_and_value(path: Path) -> None:
    """Each key/value the finder reports, cut out by its lines alone, is a TOML document
    holding that key with the value tomllib read for it in the whole file; each table
    header's line is that header. So every line it names is the right one."""
    text = path.read_text(encoding="utf-8")
    try:
        whole = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        pytest.skip("not valid for this Python's tomllib")
    lines = text.split("\n")
    found = tomllines.items(text)
    assert found or not whole
    covered: set[tuple[str, ...]] = set()
    for item in found:
        if item.kind != "key":
            header = lines[item.line - 1].strip()
            assert header.startswith("[[" if item.kind == "array" else "["), (item, header)
            continue
        piece = tomllib.loads("\n".join(lines[item.line - 1:item.end]))
        own = item.path[len(item.table):]
        value: object = piece
        for key in own:
            assert isinstance(value, dict) and key in value, (item, piece)
            value = value[key]
        expected: object = whole
        for key in item.path:
            if isinstance(expected, list):  # an array of tables: the last one so far
                expected = expected[-1]
            assert isinstance(expected, dict), item
            expected = expected[key]
        if not any(i.kind == "array" for i in found):
            assert value == expected, item
        covered.add(item.path)
    leaves = set(_leaves(whole))
    assert all(any(leaf[:len(p)] == p for p in covered) for leaf in leaves
               if not _under_array_of_tables(leaf, found)), leaves - covered


def _leaves(data: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in _leaves(value, (*path, key))]
    return [path]


def _under_array_of_tables(leaf: tuple[str, ...], found: list[tomllines.Item]) -> bool:
    return any(i.kind == "array" and leaf[:len(i.path)] == i.path for i in found)


def test_a_huge_status_file_is_read_in_linear_time(locales: Path) -> None:
    """50,000 languages-worth of lines and a 1 MB comment: a quadratic line finder would
    take minutes; a generous bound only against hangs."""
    keys = "".join(f'ab_{i:05d} = "draft"\n' for i in range(50_000))
    text = "# " + "a" * 1_000_000 + "\n[status]\n" + keys + 'en = "Draft"\n'
    (locales / "status.toml").write_text(text, encoding="utf-8")
    run = cli(locales, "check")
    assert run.returncode == 2 and f"status.toml:{text.count(chr(10))}:" in run.stderr


def test_a_status_line_in_another_spelling_of_the_language_is_its_folders(
        locales: Path) -> None:
    """A hostile pass: with "pt-BR" = "published", `init pt-BR` refused (pt_BR and pt-BR
    name one language) and `check` looked for a folder pt-BR; the line is the pt_BR
    folder's, kept as it is written."""
    status = locales / "status.toml"
    status.write_text(status.read_text(encoding="utf-8") + '\n"pt-BR" = "published"\n',
                      encoding="utf-8")
    before = status.read_bytes()
    assert cli(locales, "init", "pt-BR").returncode == 0
    assert status.read_bytes() == before
    done = cli(locales, "check", "--locale", "pt_BR", "--format", "json")
    assert '"status": "published"' in done.stdout and "missing-catalogue" not in done.stdout
    assert "pt-BR" not in cli(locales, "check").stdout  # one language, one row: pt_BR
