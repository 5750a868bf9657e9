"""`python -m eval [SET.yml ...]`: the labelled sets through the trained model and the triage rules."""

from eval.evaluate import main

main()
