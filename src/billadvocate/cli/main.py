"""`billadvocate`: the group, error handling, and discovery of the commands in commands/."""

from __future__ import annotations

import csv
import importlib
import os
import pkgutil
import sys

import click

from .. import __version__
from ..errors import BadInput
from ..law.parameters_model import LawNotInForce
from . import commands
from .quick_start import unused_hidden


class Group(click.Group):
    """Turns a BadInput into one line on stderr and exit status 2; never a traceback.

    Commands are found lazily: running `billadvocate audit` imports only commands/audit.py (when a
    module is named after its command), so one command does not pay for every other's imports;
    help and anything that lists the commands import them all."""

    def get_command(self, ctx, cmd_name):
        found = super().get_command(ctx, cmd_name)
        if found is None and not _ALL[0]:
            _register(cmd_name.replace("-", "_"))
            found = super().get_command(ctx, cmd_name)
            if found is None:
                _register()
                found = super().get_command(ctx, cmd_name)
        return found

    def list_commands(self, ctx):
        _register()
        return super().list_commands(ctx)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BadInput as e:
            click.echo(f"billadvocate: {e.line()}", err=True)
            ctx.exit(2)
        except click.exceptions.Exit:
            raise
        except (click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except LawNotInForce as e:  # an --as-of (or case as_of) before the law data begins
            click.echo(f"billadvocate: {e.line()}", err=True)
            ctx.exit(2)
        except csv.Error as e:  # only input makes the csv module fail
            click.echo(f"billadvocate: a CSV file could not be read ({e}): check that it is the right file",
                       err=True)
            ctx.exit(2)
        except OSError as e:  # the machine said no (disk full, no permission, a device): the user can fix it
            where = f"{e.filename}: " if getattr(e, "filename", None) else ""
            click.echo(f"billadvocate: {where}{e.strerror or e}: check the path, "
                       "the free space and the permissions", err=True)
            ctx.exit(2)
        except Exception as e:  # a bug of ours: say so briefly, keep the traceback for debugging
            if os.environ.get("BILLADVOCATE_DEBUG"):
                raise
            click.echo(f"billadvocate: internal error: {type(e).__name__}: {e} "
                       "(set BILLADVOCATE_DEBUG=1 for details, and please report it)", err=True)
            ctx.exit(1)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="billadvocate")
def cli() -> None:
    """billadvocate: a medical billing advocate in software.

    Audits itemized bills, explains the patient's rights, finds financial assistance, works out
    a fair offer and a payment plan, writes the letters, and keeps the case.

    Example: billadvocate review examples/er-visit-nonprofit/case.yaml
    """


_ALL = [False]  # every command module imported
_DONE: set[str] = set()


def _register(only: str | None = None) -> None:
    if _ALL[0]:
        return
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if (only is not None and info.name != only) or info.name in _DONE:
            continue
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        _DONE.add(info.name)
        for name in getattr(module, "COMMANDS", []):
            cli.add_command(getattr(module, name))
    if only is None:
        _ALL[0] = True


def main(argv: list[str] | None = None) -> None:
    # click's own usage errors exit 2 already, as the spec asks for bad input.
    with unused_hidden(sys.argv[1:] if argv is None else argv):
        cli.main(args=argv, prog_name="billadvocate")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
