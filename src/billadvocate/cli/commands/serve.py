"""`billadvocate serve`: the web app on this computer, on the embedded database."""

from __future__ import annotations

import ipaddress

import click

from ...errors import BadInput

COMMANDS = ["serve"]


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, metavar="H",
              help="Address to listen on. Other than this computer only with BILLADVOCATE_ENV=production.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), metavar="P",
              help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Requests served at once.")
def serve(host: str, port: int, threads: int) -> None:
    """Run the web app: a patient's guided path and an advocate's workbench.

    The first run creates the database (in BILLADVOCATE_HOME, else your user data folder, or
    DATABASE_URL) and an administrator account, and prints how to log in. For a server that other
    people use, see docs/deploy.md.

    Example: billadvocate serve --port 8000
    """
    import os

    from ...web.conf import is_production

    if not is_loopback(host) and not is_production():
        raise BadInput(f"--host {host} would let other computers reach patients' data over plain HTTP: "
                       "keep the default 127.0.0.1, or deploy with BILLADVOCATE_ENV=production behind "
                       "HTTPS (docs/deploy.md)")
    from django.core.exceptions import ImproperlyConfigured

    from ...djangoapp import data_dir, setup

    try:
        setup()
    except ImproperlyConfigured as e:
        raise BadInput(str(e))
    from ...web.firstrun import ensure_admin

    password = ensure_admin()
    shown = "localhost" if host in ("127.0.0.1", "::1", "localhost") else host
    url = f"http://{shown}:{port}/"
    if password:
        click.echo("Created the administrator account (shown once, write it down):")
        click.echo("  user name: admin")
        click.echo(f"  password:  {password}")
        click.echo("Change it after logging in (Account).")
    if not os.environ.get("DATABASE_URL"):
        click.echo(f"Data folder: {data_dir()}")
    click.echo(f"billadvocate is running at {url} - open it in your browser; Ctrl+C stops it.")
    from waitress import serve as waitress_serve

    from ...web.wsgi import application

    waitress_serve(application, host=host.strip("[]"), port=port, threads=threads, ident="billadvocate",
                   connection_limit=200, channel_timeout=60, max_request_body_size=64 * 1024 * 1024,
                   clear_untrusted_proxy_headers=True, _quiet=True)
