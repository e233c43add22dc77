"""Hand-written additions to the generated clients."""

from __future__ import annotations

from .._client import AsyncShop as _AsyncShop
from .._client import Shop as _Shop


class Shop(_Shop):
    """The generated client with :meth:`pet_names`."""

    def pet_names(self) -> list[str]:
        """The name of every pet."""
        return [pet.name for pet in self.pets.list_pets()]


class AsyncShop(_AsyncShop):
    """The generated client with :meth:`pet_names`."""

    async def pet_names(self) -> list[str]:
        """The name of every pet."""
        return [pet.name for pet in await self.pets.list_pets()]
