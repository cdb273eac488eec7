from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):

    atomic = False
    dependencies = [
        ("shop", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL("SET lock_timeout = '2s'", migrations.RunSQL.noop),
        AddIndexConcurrently(
            model_name="order",
            index=models.Index(fields=["status"], name="order_status_idx"),
        ),
    ]
