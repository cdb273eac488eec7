"""Django's own reading of the fixture migrations: the SQL `sqlmigrate` prints for each, in plan order.

Run by test/integration/django-sqlmigrate.test.ts in a temporary project whose apps are copies of
fixtures/django. Creates a throw-away database, and for each migration prints what sqlmigrate says,
then applies it (or fakes it, when Django refuses it), so the next one sees the schema it expects.
Prints one JSON object: {"app/name": {"sql": "...", "error": "..."}}.
"""
import io
import json
import os
import sys
import urllib.parse
import uuid

import psycopg

url = urllib.parse.urlparse(os.environ["MIGRALINT_TEST_DATABASE_URL"])
database = "migralint_django_" + uuid.uuid4().hex[:12]
admin = dict(host=url.hostname, port=url.port or 5432, user=url.username, dbname=url.path.lstrip("/") or "postgres", autocommit=True)
if url.password:
    admin["password"] = url.password

with psycopg.connect(**admin) as connection:
    connection.execute(f'CREATE DATABASE "{database}"')

os.environ["DJANGO_SETTINGS_MODULE"] = "settings"
with open("settings.py", "w") as settings:
    settings.write(
        "SECRET_KEY = 'comparison'\n"
        "USE_TZ = True\n"
        "DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'\n"
        "INSTALLED_APPS = ['django.contrib.contenttypes', 'django.contrib.auth', 'django.contrib.postgres'] + %r\n"
        "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': %r, 'USER': %r, 'PASSWORD': %r, 'HOST': %r, 'PORT': %r}}\n"
        % (sys.argv[1:], database, url.username, url.password or "", url.hostname, url.port or 5432)
    )
sys.path.insert(0, os.getcwd())

try:
    import django
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    django.setup()
    results = {}
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    for migration, _backwards in plan:
        key = f"{migration.app_label}/{migration.name}"
        if migration.app_label not in sys.argv[1:]:
            call_command("migrate", migration.app_label, migration.name, verbosity=0)
            continue
        out = io.StringIO()
        try:
            call_command("sqlmigrate", migration.app_label, migration.name, stdout=out)
            results[key] = {"sql": out.getvalue()}
            call_command("migrate", migration.app_label, migration.name, verbosity=0)
        except Exception as error:  # Django refuses the migration: record why, and fake it to go on
            results[key] = {"sql": out.getvalue(), "error": f"{type(error).__name__}: {error}"}
            call_command("migrate", migration.app_label, migration.name, fake=True, verbosity=0)
    print(json.dumps(results))
finally:
    from django.db import connections

    connections.close_all()
    with psycopg.connect(**admin) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
