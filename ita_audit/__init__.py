"""ita-audit: audits Thai public-office websites against the ITA/OIT disclosure rules."""

__version__ = "0.1.0"
