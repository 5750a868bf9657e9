"""Helpers the tests, the evaluator (eval/) and the benchmark (bench/) share; no pytest here."""
