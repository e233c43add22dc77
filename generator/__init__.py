"""Turns an OpenAPI document into a typed Python SDK.

The pipeline runs one way, one module per stage:

    loader.load -> validate.validate -> build.build -> render.render -> fmt.format_files -> write.write_tree

``cli`` wires the stages together; ``pipeline.run`` is the same path for callers in Python.
"""

__version__ = "0.1.0"
