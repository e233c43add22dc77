"""``python -m generator.format``: reformat our plain ``.py`` templates (the SDK's runtime) with black."""

from generator.format.formatter import reformat_copied_templates

for changed in reformat_copied_templates():
    print(f"reformatted {changed.name}")
