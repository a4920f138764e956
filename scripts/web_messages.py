"""The web app's Spanish translations: extract the English strings, update the .po, compile the .mo.

Pure Python (no GNU gettext): strings are found in the templates with Django's own `templatize`
and in the Python sources with `ast`; polib writes the catalogue and compiles it. Run it after
changing any user-facing text of the web app, translate the new (empty) entries in
src/billadvocate/web/locale/es/LC_MESSAGES/django.po, and run it again to compile:

Example: python scripts/web_messages.py            (update the .po, compile the .mo)
Example: python scripts/web_messages.py --check    (exit 1 when something is untranslated or stale)
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "src" / "billadvocate" / "web"
PO = WEB / "locale" / "es" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
PY_FUNCS = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
_CALL = re.compile(r"""(n?gettext)\((u'(?:[^'\\]|\\.)*'|u"(?:[^"\\]|\\.)*")(?:, (u'(?:[^'\\]|\\.)*'|u"(?:[^"\\]|\\.)*"), count)?\)""")


def _template_strings(path: Path):
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=True)
    from django.utils.translation.template import templatize

    for m in _CALL.finditer(templatize(path.read_text(encoding="utf-8"))):
        singular = ast.literal_eval(m.group(2)[1:])
        plural = ast.literal_eval(m.group(3)[1:]) if m.group(3) else None
        yield singular, plural


def _python_strings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in PY_FUNCS):
            continue
        args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if not args:
            continue
        if node.func.id.startswith("n") and len(args) >= 2:
            yield args[0], args[1]
        else:
            yield args[0], None


def extract() -> dict[str, str | None]:
    """Every translatable English string of the web app: msgid -> plural msgid (or None)."""
    found: dict[str, str | None] = {}
    for path in sorted(WEB.rglob("*.html")):
        for s, p in _template_strings(path):
            found.setdefault(s, p)
    for path in sorted(WEB.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for s, p in _python_strings(path):
            found.setdefault(s, p)
    return found


def update() -> list[str]:
    """Bring the .po up to date with the sources; return the msgids still untranslated."""
    import polib

    po = polib.pofile(str(PO)) if PO.exists() else polib.POFile()
    po.metadata = {"Project-Id-Version": "billadvocate web", "Language": "es",
                   "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit", "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    wanted = extract()
    existing = {e.msgid: e for e in po}
    entries = []
    for msgid, plural in wanted.items():
        e = existing.get(msgid)
        if e is None:
            e = polib.POEntry(msgid=msgid, msgstr="")
            if plural:
                e.msgid_plural, e.msgstr_plural, e.msgstr = plural, {0: "", 1: ""}, ""
        entries.append(e)
    po[:] = sorted(entries, key=lambda e: e.msgid)
    PO.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(PO))
    return untranslated(po)


def untranslated(po) -> list[str]:
    return [e.msgid for e in po if not (e.msgstr or all(e.msgstr_plural.values()) if e.msgid_plural else e.msgstr)]


def compile_mo() -> None:
    import polib

    polib.pofile(str(PO)).save_as_mofile(str(MO))


def problems() -> list[str]:
    """What is out of date: strings missing from the .po, untranslated, or a stale .mo."""
    import polib

    po = polib.pofile(str(PO))
    out = [f"not in the .po: {s!r}" for s in extract() if po.find(s) is None]
    out += [f"untranslated: {s!r}" for s in untranslated(po)]
    if not MO.exists():
        out.append("the .mo is missing")
    else:
        mo = {e.msgid: (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in polib.mofile(str(MO))}
        want = {e.msgid: (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in po if not e.obsolete}
        if {k: v for k, v in mo.items() if k} != want:
            out.append("the .mo is stale: run python scripts/web_messages.py")
    return out


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    if "--check" in argv:
        found = problems()
        print("\n".join(found) or "translations up to date")
        return 1 if found else 0
    missing = update()
    compile_mo()
    print(f"{PO.relative_to(ROOT)}: {len(missing)} untranslated")
    for s in missing:
        print(f"  {s!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
