"""Importing products with pictures from a folder or a ZIP file: the pictures become exactly the
named files, in order; the same file and folder imported twice store nothing again; a bad
picture is named with its line and nothing is written."""

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services import imports
from tradefair.catalogue.services.imports import import_products
from tradefair.catalogue.services.picture_sources import ZipSource, open_pictures
from tradefair.organisations.models import Offer, OfferPicture

from .conftest import picture_bytes

pytestmark = pytest.mark.django_db

COLOURS = {"a.jpg": "red", "b.jpg": "green", "c.jpg": "blue", "sub/d.jpg": "orange"}
NOT_A_PICTURE = "This file is not a picture we can read; send a JPEG, PNG, WebP, GIF file."


def photo(colour: str, size: tuple[int, int] = (300, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


def key(name: str) -> str:
    """The start of a stored picture's name: the SHA-256 of the file it came from."""
    return hashlib.sha256(photo(COLOURS[name])).hexdigest()[:32]


def folder(tmp_path: Path, extra: dict[str, bytes] | None = None) -> Path:
    root = tmp_path / "photos"
    for name, data in {**{n: photo(c) for n, c in COLOURS.items()}, **(extra or {})}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def archive(tmp_path: Path, extra: dict[str, bytes] | None = None) -> Path:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in {**{n: photo(c) for n, c in COLOURS.items()}, **(extra or {})}.items():
            out.writestr(name, data)
    return path


def run(fair, text: str, pictures: Path | None = None) -> imports.ImportResult:
    content = text.encode()
    if pictures is None:
        return import_products(expo=fair.expo, filename="products.csv", content=content)
    with open_pictures(pictures) as source:
        return import_products(
            expo=fair.expo, filename="products.csv", content=content, pictures=source
        )


def files(media: Path) -> list[str]:
    """Every file in the media storage, relative to it."""
    return sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file())


def pictures_of(title: str) -> list[OfferPicture]:
    return list(Offer.objects.get(title=title).pictures.all())


def stems(title: str) -> list[str]:
    return [p.large.name.split("/")[1][:32] for p in pictures_of(title)]


@pytest.mark.parametrize("make", [folder, archive], ids=["folder", "zip"])
def test_pictures_import_in_order_and_a_second_import_changes_nothing(fair, tmp_path, media, make):
    source = make(tmp_path)
    text = (
        "exhibitor,title,pictures\n"
        "Guangxi Robotics,Six-axis packing arm,b.jpg; sub/d.jpg\n"
        "Nanning Motors,Electric tricycle,sub/d.jpg\n"
        "Nanning Motors,Cargo trike,\n"
    )
    first = run(fair, text, source)
    assert (first.errors, first.created, first.updated, first.unchanged) == ([], 3, 0, 0)
    arm = pictures_of("Six-axis packing arm")
    assert stems("Six-axis packing arm") == [key("b.jpg"), key("sub/d.jpg")]
    assert [p.position for p in arm] == [0, 1]
    assert [(p.width, p.height, p.caption) for p in arm] == [(300, 200, "")] * 2
    assert arm[0].large.name == f"products/{key('b.jpg')}-large.webp"
    assert arm[0].thumb.name == f"products/{key('b.jpg')}-thumb.webp"
    # The same file on another product gets files of its own (the storage adds a suffix).
    trike = pictures_of("Electric tricycle")
    assert stems("Electric tricycle") == [key("sub/d.jpg")]
    assert trike[0].large.name.startswith(f"products/{key('sub/d.jpg')}-large_")
    assert pictures_of("Cargo trike") == []
    stored = files(media)
    assert len(stored) == 9
    with Image.open(media / arm[0].large.name) as large:
        assert (large.format, large.size) == ("WEBP", (300, 200))
    assert ProfileChange.objects.get(label="Six-axis packing arm").fields["pictures"] == [
        None,
        ["b.jpg", "sub/d.jpg"],
    ]
    assert "pictures" not in ProfileChange.objects.get(label="Cargo trike").fields
    ids = list(OfferPicture.objects.order_by("pk").values_list("pk", flat=True))

    again = run(fair, text, source)
    assert (again.errors, again.created, again.updated, again.unchanged) == ([], 0, 0, 3)
    assert again.summary() == "Products of test-expo: 0 created, 0 updated, 3 unchanged."
    assert files(media) == stored
    assert list(OfferPicture.objects.order_by("pk").values_list("pk", flat=True)) == ids
    assert ProfileChange.objects.count() == 3


def test_a_reordered_cell_reorders_the_stored_pictures(fair, tmp_path, media):
    source = archive(tmp_path)
    run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,a.jpg;b.jpg;c.jpg\n", source)
    ids = [p.pk for p in pictures_of("Arm")]
    stored = files(media)
    result = run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,c.jpg;a.jpg;b.jpg\n", source)
    assert (result.errors, result.created, result.updated, result.unchanged) == ([], 0, 1, 0)
    assert [p.pk for p in pictures_of("Arm")] == [ids[2], ids[0], ids[1]]
    assert [p.position for p in pictures_of("Arm")] == [0, 1, 2]
    assert files(media) == stored
    change = ProfileChange.objects.filter(label="Arm").latest("pk")
    assert change.fields == {"pictures": [3, ["c.jpg", "a.jpg", "b.jpg"]]}


def test_a_dropped_name_removes_that_picture_and_its_files(
    fair, tmp_path, media, django_capture_on_commit_callbacks
):
    source = folder(tmp_path)
    run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,a.jpg;b.jpg\n", source)
    _a, b = pictures_of("Arm")
    with django_capture_on_commit_callbacks(execute=True):
        result = run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,b.jpg;c.jpg\n", source)
    assert (result.errors, result.updated) == ([], 1)
    kept, added = pictures_of("Arm")
    assert (kept.pk, kept.position, added.position) == (b.pk, 0, 1)
    assert stems("Arm") == [key("b.jpg"), key("c.jpg")]
    assert not any(name.startswith(f"products/{key('a.jpg')}") for name in files(media))
    assert len(files(media)) == 6


def test_a_left_out_column_keeps_the_pictures_and_an_empty_cell_removes_them(
    fair, tmp_path, media, django_capture_on_commit_callbacks
):
    source = folder(tmp_path)
    run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,a.jpg;b.jpg\n", source)
    left_out = run(fair, "exhibitor,title,minimum_order\nGuangxi Robotics,Arm,2 units\n")
    assert (left_out.errors, left_out.updated) == ([], 1)
    assert stems("Arm") == [key("a.jpg"), key("b.jpg")]
    with django_capture_on_commit_callbacks(execute=True):
        emptied = run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,\n")  # no --pictures
    assert (emptied.errors, emptied.updated) == ([], 1)
    assert pictures_of("Arm") == []
    assert files(media) == []
    assert ProfileChange.objects.filter(label="Arm").latest("pk").fields == {"pictures": [2, None]}


def test_a_picture_uploaded_in_the_portal_and_not_named_is_replaced(fair, tmp_path, media):
    from tradefair.catalogue.services.items import add_picture

    from .conftest import upload

    run(fair, "exhibitor,title\nGuangxi Robotics,Arm\n")
    arm = Offer.objects.get(title="Arm")
    add_picture(
        participation=fair.me.participation, by_user=fair.me.user, offer=arm, upload=upload()
    )
    result = run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,a.jpg\n", folder(tmp_path))
    assert (result.errors, result.updated) == ([], 1)
    assert stems("Arm") == [key("a.jpg")]


BAD = [
    pytest.param("a.jpg;nope.jpg", "no file 'nope.jpg' in photos.zip", id="missing"),
    pytest.param("x.jpg", f"'x.jpg': {NOT_A_PICTURE}", id="renamed-executable"),
    pytest.param(
        "tiny.png",
        "'tiny.png': The picture is 60 × 400 pixels; send one at least 100 pixels on each side.",
        id="too-small",
    ),
    pytest.param(
        "/etc/passwd",
        "'/etc/passwd' is not a name inside photos.zip; give names relative to it, without '..'",
        id="absolute",
    ),
    pytest.param(
        "../a.jpg",
        "'../a.jpg' is not a name inside photos.zip; give names relative to it, without '..'",
        id="parent",
    ),
    pytest.param(
        "C:\\photos\\a.jpg",
        "'C:\\photos\\a.jpg' is not a name inside photos.zip; give names relative to it, "
        "without '..'",
        id="windows-absolute",
    ),
    pytest.param("a.jpg;b.jpg;a.jpg", "'a.jpg' is named twice", id="twice"),
    pytest.param("a.jpg;copy.jpg", "'copy.jpg' is the same picture as 'a.jpg'", id="same-bytes"),
    pytest.param(
        ";".join(f"p{n}.jpg" for n in range(9)), "9 pictures; a product has at most 8", id="ninth"
    ),
]


@pytest.mark.parametrize(("cell", "error"), BAD)
def test_a_bad_picture_is_named_with_its_line_and_nothing_is_written(
    fair, tmp_path, media, cell, error
):
    extra = {
        "x.jpg": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 2000,
        "tiny.png": picture_bytes((60, 400), "PNG"),
        "copy.jpg": photo(COLOURS["a.jpg"]),
        **{f"p{n}.jpg": photo(f"#{n}{n}{n}") for n in range(9)},
    }
    text = f"exhibitor,title,pictures\nNanning Motors,Trike,c.jpg\nGuangxi Robotics,Arm,{cell}\n"
    result = run(fair, text, archive(tmp_path, extra))
    assert [str(e) for e in result.errors] == [f"line 3: pictures: {error}"]
    assert not Offer.objects.exists()
    assert not OfferPicture.objects.exists()
    assert not ProfileChange.objects.exists()
    assert files(media) == []


def test_a_file_missing_from_a_folder_is_named_with_the_folder(fair, tmp_path, media):
    result = run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,e.jpg\n", folder(tmp_path))
    assert [str(e) for e in result.errors] == ["line 2: pictures: no file 'e.jpg' in photos"]


def test_a_link_leading_out_of_the_folder_finds_nothing(fair, tmp_path, media):
    source = folder(tmp_path)
    (tmp_path / "secret.jpg").write_bytes(photo("black"))
    (source / "link.jpg").symlink_to(tmp_path / "secret.jpg")
    result = run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,link.jpg\n", source)
    assert [str(e) for e in result.errors] == ["line 2: pictures: no file 'link.jpg' in photos"]


def test_pictures_without_a_folder_or_zip_are_refused_on_each_row(fair, media):
    result = run(
        fair,
        "exhibitor,title,pictures\nGuangxi Robotics,Arm,a.jpg\nNobody Ltd,Saw,b.jpg\n"
        "Nanning Motors,Trike,\n",
    )
    fix = (
        "the row names pictures but no folder or ZIP file holding them was given; "
        "add --pictures PATH"
    )
    assert [str(e) for e in result.errors] == [
        f"line 2: pictures: {fix}",
        "line 3: exhibitor: no exhibitor of this edition is called 'Nobody Ltd'",
        f"line 3: pictures: {fix}",
    ]
    assert not Offer.objects.exists()


def test_a_zip_member_larger_than_a_picture_is_refused_unread(fair, tmp_path, media, monkeypatch):
    # 9 MB of zeros compress to a few kilobytes: the stated size is what gets it refused.
    source = archive(tmp_path, {"bomb.jpg": b"\x00" * (9 * 2**20)})
    read = ZipSource.read

    def read_small_only(self, name, limit):
        assert name != "bomb.jpg", "the oversized member was read"
        return read(self, name, limit)

    monkeypatch.setattr(ZipSource, "read", read_small_only)
    result = run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,a.jpg;bomb.jpg\n", source)
    assert [str(e) for e in result.errors] == [
        "line 2: pictures: 'bomb.jpg': The picture is 9.0\xa0MB; send one of at most 8.0\xa0MB."
    ]
    assert files(media) == []


def test_a_failed_import_deletes_the_files_it_stored(fair, tmp_path, media, monkeypatch):
    def fail(ids):
        raise RuntimeError("search is down")

    monkeypatch.setattr(imports, "refresh_search_text", fail)
    with pytest.raises(RuntimeError, match="search is down"):
        run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,a.jpg;b.jpg\n", folder(tmp_path))
    assert not Offer.objects.exists()
    assert files(media) == []


def test_a_file_changed_between_check_and_write_stops_the_import(
    fair, tmp_path, media, monkeypatch
):
    source = folder(tmp_path)
    check = imports.check_picture

    def check_then_change(pictures, name):
        found = check(pictures, name)
        if name == "c.jpg":  # someone saves over it while the file is being checked
            (source / "c.jpg").write_bytes(photo("purple"))
        return found

    monkeypatch.setattr(imports, "check_picture", check_then_change)
    text = (
        "exhibitor,title,pictures\nGuangxi Robotics,Arm,a.jpg;b.jpg\nNanning Motors,Trike,c.jpg\n"
    )
    result = run(fair, text, source)
    assert [str(e) for e in result.errors] == [
        "line 3: pictures: 'c.jpg' changed while the file was imported; import again"
    ]
    assert not Offer.objects.exists()
    assert files(media) == []  # the arm's pictures, stored first, are gone again


def test_the_command_imports_pictures_from_a_zip(fair, tmp_path, media, capsys):
    csv = tmp_path / "products.csv"
    csv.write_text("exhibitor,title,pictures\nGuangxi Robotics,Arm,a.jpg;sub/d.jpg\n")
    photos = archive(tmp_path)
    call_command("importproducts", str(csv), expo=fair.expo.slug, pictures=str(photos))
    assert "Products of test-expo: 1 created, 0 updated, 0 unchanged." in capsys.readouterr().out
    assert stems("Arm") == [key("a.jpg"), key("sub/d.jpg")]
    call_command("importproducts", str(csv), "--expo", fair.expo.slug, "--pictures", str(photos))
    assert "Products of test-expo: 0 created, 0 updated, 1 unchanged." in capsys.readouterr().out
    assert len(files(media)) == 6


def test_the_command_refuses_pictures_it_cannot_use(fair, tmp_path, media, capsys):
    csv = tmp_path / "products.csv"
    csv.write_text("exhibitor,title,pictures\nGuangxi Robotics,Arm,a.jpg\n")
    with pytest.raises(CommandError, match="1 error"):
        call_command("importproducts", str(csv), expo=fair.expo.slug)
    assert "line 2: pictures: the row names pictures but no folder" in capsys.readouterr().err
    with pytest.raises(CommandError, match=r"^pictures: no folder or file .*missing\.zip$"):
        call_command("importproducts", str(csv), expo=fair.expo.slug, pictures="missing.zip")
    (tmp_path / "notes.zip").write_text("not a zip")
    with pytest.raises(CommandError, match="is neither a folder nor a readable ZIP file"):
        call_command(
            "importproducts", str(csv), expo=fair.expo.slug, pictures=str(tmp_path / "notes.zip")
        )
    assert not Offer.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_files_of_a_committed_import_stay_even_when_a_later_commit_callback_fails(
    fair, tmp_path, media, monkeypatch
):
    def fail(expo_id):
        raise RuntimeError("the cache is down")

    monkeypatch.setattr(imports, "forget_filter_choices", fail)
    with pytest.raises(RuntimeError, match="the cache is down"):
        run(fair, "exhibitor,title,pictures\nGuangxi Robotics,Arm,a.jpg;b.jpg\n", folder(tmp_path))
    assert stems("Arm") == [key("a.jpg"), key("b.jpg")]
    assert len(files(media)) == 6
