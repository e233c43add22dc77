"""Hand-written additions to the generated pets API class."""

from __future__ import annotations

from ..models import Pet
from ..resources.pets import AsyncPetsApi as _AsyncPetsApi
from ..resources.pets import PetsApi as _PetsApi


class PetsApi(_PetsApi):
    """The generated class with :meth:`oldest`."""

    def oldest(self) -> Pet | None:
        """The oldest pet (``None`` when there is none)."""
        pets = self.list_pets(limit=100)
        return max(pets, key=lambda pet: pet.age or 0, default=None)


class AsyncPetsApi(_AsyncPetsApi):
    """The generated class with :meth:`oldest`."""

    async def oldest(self) -> Pet | None:
        """The oldest pet (``None`` when there is none)."""
        pets = await self.list_pets(limit=100)
        return max(pets, key=lambda pet: pet.age or 0, default=None)
