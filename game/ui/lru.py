"""A cache that forgets what was used least recently once its contents pass a budget.

Counting distinct keys is not enough for rendered text: every new window size makes new keys,
and one block at projector size weighs a hundred small ones. So each entry has a weight
(bytes of pixels for a surface, 1 for a number) and the budget is on their sum."""
from collections import OrderedDict


class LRU:
    """Most recently used last; the oldest go first once the weights pass the budget."""

    def __init__(self, budget: int, weigh=lambda value: 1):
        self.budget = budget
        self.weigh = weigh
        self.total = 0      # sum of the weights of what is held now
        self._entries: OrderedDict = OrderedDict()   # key -> (value, weight), oldest first

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key, default=None):
        entry = self._entries.get(key)
        if entry is None:
            return default
        self._entries.move_to_end(key)
        return entry[0]

    def put(self, key, value) -> None:
        if key in self._entries:
            self.total -= self._entries.pop(key)[1]
        weight = self.weigh(value)
        self._entries[key] = (value, weight)
        self.total += weight
        # The newest entry always stays, even alone over the budget: it is about to be drawn.
        while self.total > self.budget and len(self._entries) > 1:
            _, (_, gone) = self._entries.popitem(last=False)
            self.total -= gone

    def clear(self) -> None:
        self._entries.clear()
        self.total = 0

    def values(self) -> list:
        return [value for value, _ in self._entries.values()]
