"""Item pipelines: the crawler's items go to the spider's collector.

Kept as a pipeline (not spider code) so a distributed deployment can swap it
for one that streams items to a database or queue.
"""

from __future__ import annotations

from typing import Any


class CollectorPipeline:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> CollectorPipeline:
        return cls(crawler)

    def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        collector = getattr(spider or self.crawler.spider, "collector", None)
        if collector is not None:
            collector.add_item(item)
        return item
