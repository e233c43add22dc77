# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
__version__ = "0.1.0"
"""The version of this SDK."""

SPEC_VERSION = "1.0"
"""``info.version`` of the OpenAPI document this SDK was generated from."""

USER_AGENT = f"leap-python/{__version__}"
