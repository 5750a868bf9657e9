"""`rasa ...` with the HTTP API token taken from the environment or a file, never from the command line.

    python -m components.launch run --model models/triage.tar.gz --enable-api ...   (what `make rasa` runs)

The arguments are `rasa`'s. With `--enable-api` and neither `--auth-token` nor `--jwt-secret`, the token
is `TRIAGE_API_TOKEN`, else the contents of the file named by `TRIAGE_API_TOKEN_FILE`
(clinic/server_secrets.py); with neither, a random one that nobody is told (the API stays closed). It
is handed to Rasa inside this process (`sys.argv`): `ps` and /proc/<pid>/cmdline, which every local
user can read, show only the command line this process was started with.

First, every setting is checked (`bot.settings.check`): a bad value stops the server with one message.
"""

import secrets
import sys

from bot import settings
from clinic import server_secrets


def with_token(argv: list) -> list:
    if "--enable-api" not in argv or any(a.split("=", 1)[0] in ("--auth-token", "-t", "--jwt-secret") for a in argv):
        return argv
    token = server_secrets.read(server_secrets.API_TOKEN) or secrets.token_hex(24)
    return argv + ["--auth-token", token]


def main() -> None:
    problem = settings.start_up_problem()
    if problem:
        sys.exit(problem)  # one line on stderr, exit status 1
    sys.argv = [sys.argv[0]] + with_token(sys.argv[1:])
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
