"""Predictive customer scores: BG/NBD purchases, Gamma-Gamma spend, CLV (numpy/scipy)."""
