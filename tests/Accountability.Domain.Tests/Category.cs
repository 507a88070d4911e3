// Every test here is pure domain: no database, no browser, so this category runs in seconds on its own.
[assembly: Category("domain")]
