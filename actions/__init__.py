"""Rasa SDK actions: thin adapters between Rasa trackers and the clinical core in `bot/`."""

from actions import auth

auth.install()  # the action server answers only the Rasa server (actions/auth.py)
