"""The newsroom's date and time formats (FORMAT_MODULE_PATH in settings).

Django always localises, and the active locale's format file wins over settings such as
`DATETIME_FORMAT`; so the house formats are a locale format file of our own, for the site's
one language (LANGUAGE_CODE "en-gb"). What is not set here comes from Django's en_GB file.
"""
