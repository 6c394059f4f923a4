"""Pure rules core: Thai text, Thai dates, rule sets, classification and verdicts.

Nothing here imports Scrapy or Streamlit; the crawler produces
:class:`rules.records.DocumentRecord` objects and this package turns them
into verdicts.
"""
