"""Rasa SDK actions: thin adapters between Rasa trackers and the clinical core in `bot/`."""
