"""What the plugin costs a Pelican build: with it, without it, and with a naive BeautifulSoup one.

Generates (in a temporary folder) a site of 2,000 Markdown articles of a few hundred words,
10 % of which hold the ``[gedragscode]`` shortcode in its usual forms, in articles whose
``Lang:`` is nl, en, tr, pl, ar or (a few) de, a language without a catalogue. The site is
built, each build in a fresh ``python -m pelican`` subprocess (imports included), in rounds
that alternate the variants::

    none    PLUGINS = []
    plugin  PLUGINS = ["pelican_bij1code"]
    naive   PLUGINS = [a plugin that parses and re-serialises every page with BeautifulSoup]

and prints every build's wall-clock time and the median of the per-round ratios. The machine
this was written for has 2 shared cores: only ratios of builds run side by side mean anything,
never absolute times. Target: plugin / none <= 1.02 (naive / none is the reference, ~1.3).

It then builds a site with no shortcode at all (plugin vs none: a page without the shortcode
must cost nothing measurable) and one instrumented build that counts how often each language
was judged (catalogue checked) and rendered, by wrapping ``pelican_bij1code.render.RENDERERS``
and ``Renderer._judge`` from a plugin module of the benchmark (the package is not touched).

    python benchmarks/bench_build.py              # 5 rounds
    python benchmarks/bench_build.py --pairs 3    # quicker
    python benchmarks/bench_build.py --profile    # also cProfile one plugin build
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.02
LANGS = ("nl", "en", "tr", "pl", "ar")
FORMS = ("[gedragscode]", "[gedragscode lang=en]", "[gedragscode part=ik level=3]")

WORDS = ["de", "het", "een", "en", "van", "in", "op", "met", "voor", "niet", "dat", "die", "is", "zijn", "wij", "we", "ons", "onze", "partij", "leden", "afdeling", "bestuur", "congres", "gemeente", "raad", "wijk", "buurt", "huurders", "woningen", "zorg", "onderwijs", "klimaat", "rechtvaardigheid", "gelijkwaardigheid", "solidariteit", "racisme", "discriminatie", "armoede", "bestaanszekerheid", "vrijheid", "democratie", "inspraak", "actie", "campagne", "verkiezingen", "programma", "motie", "voorstel", "debat", "bijeenkomst", "vergadering", "werkgroep", "vrijwilligers", "gesprek", "samenleving", "mensen", "iedereen", "samen", "sterk", "eerlijk", "toekomst", "geschiedenis", "herstel", "erkenning", "dekolonisatie", "feminisme", "queer", "beweging", "stad", "dorp", "land", "wereld", "vandaag", "morgen", "gisteren", "week", "maand", "jaar", "omdat", "maar", "ook", "nog", "al", "altijd", "nooit", "vaak", "soms", "meer", "minder", "veel", "weinig", "groot", "klein", "nieuw", "goed", "slecht", "belangrijk", "duidelijk", "open", "veilig", "toegankelijk", "betaalbaar", "publiek", "gratis", "organiseren", "bespreken", "vragen", "luisteren", "leren", "delen", "steunen", "bouwen", "veranderen", "kiezen", "strijden", "werken", "wonen", "leven", "spreken", "schrijven", "lezen", "komen", "gaan", "blijven", "maken", "nemen"]
HEADINGS = ("Wat wij willen", "Waarom dit belangrijk is", "Doe mee", "Verslag", "Agenda",
            "Achtergrond", "Vervolg", "Oproep")
CATEGORIES = ("nieuws", "opinie", "afdelingen", "campagne", "congres", "wonen", "zorg",
              "klimaat")
#: No digits at the end: tag "thema-1" page 3 would be written where tag "thema-13" is.
TAGS = tuple(sorted({w for w in WORDS if len(w) > 5}))[:40]
AUTHORS = ("Redactie", "Bestuur", "Afdeling Amsterdam", "Afdeling Rotterdam",
           "Werkgroep Klimaat", "Jongeren")

SETTINGS = """\
AUTHOR = "BIJ1"
SITENAME = "Benchmark"
SITEURL = ""
TIMEZONE = "Europe/Amsterdam"
DEFAULT_LANG = "nl"
DEFAULT_DATE = "fs"
RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DEFAULT_PAGINATION = 10
PLUGIN_PATHS = [{plugins!r}]
PLUGINS = {plugin_list!r}
BENCH_COUNT_FILE = {count_file!r}
{feeds}
"""
FEEDS_OFF = """\
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""
FEEDS_ON = "# feeds: Pelican's defaults (all, per category, per author, per translation)\n"

NAIVE_PLUGIN = '''\
"""The naive way: parse and re-serialise every page with BeautifulSoup."""

from bs4 import BeautifulSoup
from pelican import signals


def rewrite(content):
    raw = getattr(content, "_content", None)
    if raw:
        soup = BeautifulSoup(raw, "html.parser")
        content._content = str(soup)


def register():
    signals.content_object_init.connect(rewrite)
'''

COUNT_PLUGIN = '''\
"""Counts, per build, how often each language is judged and rendered (benchmark only)."""

import json
from collections import Counter

from pelican import signals

from pelican_bij1code import plugin as bij1_plugin
from pelican_bij1code import render

COUNTS = {"judged": Counter(), "rendered": Counter(), "expanded_pages": 0,
          "signature_calls": 0}
SETTINGS = {}


def _wrap_renderers():
    for fmt, function in list(render.RENDERERS.items()):
        def counted(lang, translate, parts, level, _function=function, _fmt=fmt):
            COUNTS["rendered"][f"{lang} {_fmt} parts={','.join(parts)} level={level}"] += 1
            return _function(lang, translate, parts, level)
        render.RENDERERS[fmt] = counted

    judge = render.Renderer._judge

    def counted_judge(self, lang):
        COUNTS["judged"][lang] += 1
        return judge(self, lang)
    render.Renderer._judge = counted_judge

    expand = bij1_plugin._expand

    def counted_expand(content, raw):
        COUNTS["expanded_pages"] += 1
        return expand(content, raw)
    bij1_plugin._expand = counted_expand

    signature = render.Locales.signature

    def counted_signature(self):
        COUNTS["signature_calls"] += 1
        return signature(self)
    render.Locales.signature = counted_signature


def remember(pelican):
    SETTINGS.update(pelican.settings)


def write(pelican):
    path = SETTINGS.get("BENCH_COUNT_FILE")
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(COUNTS, handle)


def register():
    _wrap_renderers()
    signals.initialized.connect(remember)
    signals.finalized.connect(write)
'''


# -- the site ----------------------------------------------------------------------------------


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 20))
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), "BIJ1")
    text = " ".join(words)
    if rng.random() < 0.08:
        text += f" ([meer lezen](https://bij1.org/{rng.choice(WORDS)}/))"
    if rng.random() < 0.06:
        text = text.replace(words[0], f"*{words[0]}*", 1)
    return text[0].upper() + text[1:] + rng.choice(".....?!")


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def body(rng: random.Random) -> list[str]:
    """A few hundred words: paragraphs, now and then a heading or a list."""
    blocks: list[str] = []
    for index in range(rng.randint(3, 6)):
        if index and rng.random() < 0.3:
            blocks.append(f"## {rng.choice(HEADINGS)}")
        blocks.append(paragraph(rng))
        if rng.random() < 0.15:
            blocks.append("\n".join(f"* {sentence(rng)}" for _ in range(rng.randint(2, 4))))
    return blocks


def article_lang(rng: random.Random, with_code: bool, index: int) -> str | None:
    """The Lang: metadata, or None for none (the site's DEFAULT_LANG, nl)."""
    if with_code:
        if index % 20 == 19:
            return "de"  # no catalogue: falls back to DEFAULT_LANG, with a warning
        return LANGS[index % len(LANGS)]
    roll = rng.random()
    if roll < 0.70:
        return None
    if roll < 0.72:
        return "de"
    return rng.choice(LANGS)


def write_site(root: Path, articles: int, share: float, seed: int) -> dict[str, int]:
    """Write ``articles`` Markdown files under root/content; returns what was generated."""
    rng = random.Random(seed)
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    content.mkdir(parents=True)
    with_code = set(rng.sample(range(articles), round(articles * share)))
    stats = {"articles": articles, "with_shortcode": len(with_code), "words": 0}
    code_index = 0
    for number in range(articles):
        has_code = number in with_code
        lang = article_lang(rng, has_code, code_index)
        blocks = body(rng)
        if has_code:
            form = FORMS[code_index % len(FORMS)]
            position = rng.randint(1, len(blocks))
            if code_index % 4 == 3:  # inline: it splits its paragraph
                blocks.insert(position, f"Onze afspraken staan hier: {form} Lees ze goed.")
            else:  # alone in its paragraph: it replaces the paragraph
                blocks.insert(position, form)
            stats[f"form {form}"] = stats.get(f"form {form}", 0) + 1
            stats[f"lang {lang}"] = stats.get(f"lang {lang}", 0) + 1
            code_index += 1
        text = "\n\n".join(blocks)
        stats["words"] += len(text.split())
        day = 1 + number % 28
        month = 1 + (number // 28) % 12
        year = 2015 + number // (28 * 12)
        meta = [
            f"Title: {sentence(rng)[:60].rstrip('.?! ')}",
            f"Date: {year}-{month:02d}-{day:02d} {number % 24:02d}:00",
            f"Category: {rng.choice(CATEGORIES)}",
            f"Tags: {', '.join(rng.sample(TAGS, 3))}",
            f"Author: {rng.choice(AUTHORS)}",
            f"Slug: artikel-{number:05d}",
        ]
        if lang:
            meta.append(f"Lang: {lang}")
        folder = content / CATEGORIES[number % len(CATEGORIES)]
        folder.mkdir(exist_ok=True)
        (folder / f"artikel-{number:05d}.md").write_text(
            "\n".join(meta) + "\n\n" + text + "\n", encoding="utf-8")
    return stats


def write_settings(root: Path, feeds: bool) -> dict[str, Path]:
    plugins = root / "plugins"
    plugins.mkdir(exist_ok=True)
    (plugins / "bench_naive_bs4.py").write_text(NAIVE_PLUGIN, encoding="utf-8")
    (plugins / "bench_count.py").write_text(COUNT_PLUGIN, encoding="utf-8")
    variants = {
        "none": [],
        "plugin": ["pelican_bij1code"],
        "naive": ["bench_naive_bs4"],
        "count": ["pelican_bij1code", "bench_count"],
    }
    files: dict[str, Path] = {}
    for name, plugin_list in variants.items():
        path = root / f"settings_{name}.py"
        path.write_text(SETTINGS.format(
            plugins=str(plugins), plugin_list=plugin_list,
            count_file=str(root / "counts.json"),
            feeds=FEEDS_ON if feeds else FEEDS_OFF), encoding="utf-8")
        files[name] = path
    return files


# -- building ----------------------------------------------------------------------------------


def pelican_command(root: Path, settings: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pelican", str(root / "content"), "-s", str(settings),
            "-o", str(out), "-q"]


def build(root: Path, settings: Path, out: Path) -> float:
    """One build in a fresh interpreter; its wall-clock time in seconds."""
    command = pelican_command(root, settings, out)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=root, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build failed ({' '.join(command)}):\n{done.stdout}\n{done.stderr}")
    return elapsed


def rounds(root: Path, settings: dict[str, Path], variants: list[str], count: int,
           label: str) -> dict[str, list[float]]:
    """``count`` rounds of the variants side by side (A B C A B C ...), after one warm-up."""
    times: dict[str, list[float]] = {v: [] for v in variants}
    for variant in variants:  # warm-up: .pyc files, page cache
        build(root, settings[variant], root / f"out_{variant}")
    for number in range(1, count + 1):
        line = []
        for variant in variants:
            seconds = build(root, settings[variant], root / f"out_{variant}")
            times[variant].append(seconds)
            line.append(f"{variant} {seconds:6.2f} s")
        ratios = "  ".join(f"{v}/none {times[v][-1] / times['none'][-1]:.3f}"
                           for v in variants if v != "none")
        print(f"  {label} round {number}: {'  '.join(line)}   {ratios}", flush=True)
    return times


def summarise(times: dict[str, list[float]], label: str) -> dict[str, float]:
    medians: dict[str, float] = {}
    for variant, values in times.items():
        print(f"  {label} {variant:6}: median {statistics.median(values):6.2f} s "
              f"(min {min(values):.2f}, max {max(values):.2f})")
    for variant in times:
        if variant == "none":
            continue
        ratios = [a / b for a, b in zip(times[variant], times["none"])]
        medians[variant] = statistics.median(ratios)
        spread = f"per-round ratios {', '.join(f'{r:.3f}' for r in ratios)}"
        print(f"  {label} MEDIAN RATIO {variant}/none = {medians[variant]:.3f}   ({spread}; "
              f"ratio of medians {statistics.median(times[variant]) / statistics.median(times['none']):.3f})")
    return medians


def check_output(root: Path, expected: int) -> None:
    """The plugin build really expanded the shortcode (and the no-plugin build did not)."""
    expanded = raw = 0
    for page in (root / "out_plugin").rglob("artikel-*.html"):
        text = page.read_text(encoding="utf-8")
        expanded += '<section class="gedragscode"' in text
        raw += "[gedragscode" in text
    plain = sum("[gedragscode" in page.read_text(encoding="utf-8")
                for page in (root / "out_none").rglob("artikel-*.html"))
    print(f"  check: {expanded} article pages hold the expanded code (expected {expected}), "
          f"{raw} still show '[gedragscode' with the plugin, {plain} without it")


def count_build(root: Path, settings: dict[str, Path]) -> None:
    counts_file = root / "counts.json"
    counts_file.unlink(missing_ok=True)
    build(root, settings["count"], root / "out_count")
    counts = json.loads(counts_file.read_text(encoding="utf-8"))
    print(f"  pages expanded: {counts['expanded_pages']}; Locales.signature() calls: "
          f"{counts['signature_calls']}")
    judged = ", ".join(f"{k} x{v}" for k, v in sorted(counts["judged"].items()))
    print(f"  languages judged (catalogue loaded and checked): {judged or 'none'}")
    print("  renderings (RENDERERS calls, i.e. cache misses):")
    for key, value in sorted(counts["rendered"].items()):
        print(f"    {key}: {value}")
    per_lang: dict[str, int] = {}
    for key, value in counts["rendered"].items():
        per_lang[key.split()[0]] = per_lang.get(key.split()[0], 0) + value
    print("  per language: " + ", ".join(f"{k} x{v}" for k, v in sorted(per_lang.items())))


def profile_build(root: Path, settings: dict[str, Path], top: int) -> None:
    import pstats

    prof = root / "plugin.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "pelican",
               *pelican_command(root, settings["plugin"], root / "out_profile")[3:]]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"profiled build failed:\n{done.stderr}")
    stats = pstats.Stats(str(prof))
    total = stats.total_tt  # type: ignore[attr-defined]
    ours = [(key, value) for key, value in stats.stats.items()  # type: ignore[attr-defined]
            if "pelican_bij1code" in key[0]]
    own = sum(value[2] for _, value in ours)
    print(f"  profiled build: {total:.2f} s of CPU in all; {own:.3f} s "
          f"({100 * own / total:.2f} %) in pelican_bij1code's own code (tottime)")
    print(f"  top {top} functions of pelican_bij1code by cumulative time:")
    ours.sort(key=lambda item: item[1][3], reverse=True)
    for (file, line, name), (_, calls, tottime, cumtime, _) in ours[:top]:
        short = file[file.index("pelican_bij1code"):]
        print(f"    {cumtime:7.3f} s cum {tottime:7.3f} s own {calls:7d} calls  "
              f"{short}:{line} {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=5,
                        help="rounds of alternating builds (default 5)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--share", type=float, default=0.10,
                        help="share of articles holding the shortcode (default 0.10)")
    parser.add_argument("--feeds", choices=("on", "off"), default="on",
                        help="Pelican's default feeds on (default) or all feeds off")
    parser.add_argument("--zero-pairs", type=int, default=None,
                        help="rounds for the 0 %% shortcode site (default: --pairs; 0 skips)")
    parser.add_argument("--no-naive", action="store_true", help="skip the BeautifulSoup variant")
    parser.add_argument("--profile", action="store_true",
                        help="also profile one plugin build with cProfile")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the temporary site")
    args = parser.parse_args(argv)
    if args.pairs < 1:
        parser.error("--pairs must be at least 1")
    zero_pairs = args.pairs if args.zero_pairs is None else args.zero_pairs

    root = Path(tempfile.mkdtemp(prefix="bij1code-bench-build-"))
    started = time.perf_counter()
    try:
        settings = write_settings(root, args.feeds == "on")
        stats = write_site(root, args.articles, args.share, args.seed)
        print(f"site: {root}")
        print(f"  {stats['articles']} Markdown articles, {stats['words']} words "
              f"({stats['words'] // stats['articles']} per article), "
              f"{stats['with_shortcode']} with the shortcode")
        print("  " + ", ".join(f"{k}: {v}" for k, v in sorted(stats.items())
                               if k.startswith(("form", "lang"))))
        print(f"  DEFAULT_LANG nl, feeds {args.feeds}"
              f"{' (Pelican defaults, FEED_MAX_ITEMS 100)' if args.feeds == 'on' else ''}, "
              f"DEFAULT_PAGINATION 10, DELETE_OUTPUT_DIRECTORY, no content cache")
        print(f"  python {sys.version.split()[0]}, {os.cpu_count()} CPUs; each build: "
              f"{' '.join(pelican_command(root, settings['plugin'], Path('out'))[1:])}")

        variants = ["none", "plugin"] + ([] if args.no_naive else ["naive"])
        print(f"\n{args.share:.0%} shortcode site, {args.pairs} rounds of "
              f"{' / '.join(variants)} (one warm-up build of each first):")
        times = rounds(root, settings, variants, args.pairs, f"{args.share:.0%}")
        check_output(root, stats["with_shortcode"])
        medians = summarise(times, f"{args.share:.0%}")

        zero = None
        if zero_pairs:
            write_site(root, args.articles, 0.0, args.seed)
            print(f"\n0% shortcode site (same articles, no shortcode), {zero_pairs} rounds of "
                  "none / plugin:")
            zero = summarise(rounds(root, settings, ["none", "plugin"], zero_pairs, "0%"), "0%")
            write_site(root, args.articles, args.share, args.seed)

        print("\nrenderings in one build of the shortcode site (instrumented, not timed):")
        count_build(root, settings)

        if args.profile:
            print("\ncProfile of one plugin build:")
            profile_build(root, settings, 15)

        print("\nsummary")
        verdict = "MET" if medians["plugin"] <= TARGET else "NOT MET"
        print(f"  plugin/none  = {medians['plugin']:.3f}   target <= {TARGET}: {verdict}")
        if "naive" in medians:
            print(f"  naive/none   = {medians['naive']:.3f}   (reference: a BeautifulSoup pass "
                  "over every page, ~1.30)")
        if zero is not None:
            verdict = "MET" if zero["plugin"] <= TARGET else "NOT MET"
            print(f"  0% site plugin/none = {zero['plugin']:.3f}   target <= {TARGET}: {verdict}")
        print(f"  total benchmark time {time.perf_counter() - started:.0f} s")
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

