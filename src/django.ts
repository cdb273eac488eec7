/**
 * What lib/django.js holds (see scripts/bundle.ts): the Django front-end and the
 * CLI's Django runs, with the Python parser, loaded only by runs with Django migrations.
 */
export * from './frontends/django';
export * from './cli/django-migrations';
