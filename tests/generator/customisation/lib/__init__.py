"""Hand-written code of the shop SDK: the generator never writes or deletes this folder."""
