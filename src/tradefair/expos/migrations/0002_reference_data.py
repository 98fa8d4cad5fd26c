from django.db import migrations

from tradefair.expos.services.reference import sync_reference_data


def load(apps, schema_editor):
    sync_reference_data(
        apps.get_model("expos", "Country"),
        apps.get_model("expos", "CountryGroup"),
        apps.get_model("expos", "HSCode"),
        apps.get_model("expos", "Sector"),
    )


class Migration(migrations.Migration):
    dependencies = [("expos", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
