"""Rasa SDK actions: thin adapters between Rasa trackers and the clinical core in `bot/`."""

import sys

from bot import settings

_problem = settings.start_up_problem()  # every setting, checked before the action server serves anything
if _problem:
    sys.exit(_problem)

from actions import auth  # noqa: E402

auth.install()  # the action server answers only the Rasa server (actions/auth.py)
