"""Dropping a new article into site_src/documents/ is all it takes to publish it."""

from __future__ import annotations

NEW = """Anasayfa
Dünya
Bakan Akar ve Orgeneral Güler Trablus'ta askeri eğitim merkezini ziyaret etti
Yayın tarihi: 4 Temmuz 2020
Milli Savunma Bakanı Hulusi Akar ve Genelkurmay Başkanı Orgeneral Yaşar Güler, Libya'nın başkenti Trablus'ta Türk ve Libyalı askerlerle bir araya geldi.
Akar, ziyarette Libya Ulusal Mutabakat Hükümeti yetkilileriyle de görüştü ve iki ülke arasındaki askeri iş birliğinin süreceğini söyledi.
Görüşmelerde eğitim, danışmanlık ve savunma alanındaki ortak çalışmalar ele alındı.
Kaynak: Anadolu Ajansı
Paylaş
İlgili Haberler
Borsa güne yükselişle başladı
"""


def test_a_new_txt_document_gets_page_index_row_and_corpus_entry(project):
    project.add("005_new_turkish.txt", NEW)
    assert project.build() == 0
    site = project.root / "site"
    page = (site / "documents" / "005_new_turkish" / "index.html").read_text(encoding="utf-8")
    assert 'lang="tr" dir="ltr"' in page
    index = (site / "documents" / "index.html").read_text(encoding="utf-8")
    assert 'href="../documents/005_new_turkish/"' in index
    record = project.record("005_new_turkish", "site")
    assert record["language"] == "tr" and record["date"] == "2020-07-04" and record["outlet"] == "Anadolu Ajansı"
    assert record["title"]["original"].startswith("Bakan Akar ve Orgeneral Güler")
    assert len(record["text"]["original"]) == 3
    assert len(project.corpus("site")["documents"]) == 6
    # newest first: the new document (4 July 2020) sits between 003 (2024) and 001 (3 July 2020)
    order = [
        index.index(f'href="../documents/{i}/"')
        for i in ("003_e8a0a6e2dc4f0eda", "005_new_turkish", "001_68d0712cb814f501")
    ]
    assert order == sorted(order)


def test_removing_a_document_removes_its_generated_files(project):
    project.generate()
    (project.documents / "002_de244ad36c17fbc9.txt").unlink()
    report = project.generate()
    assert report.deleted == 2
    assert not (project.root / "docs" / "documents" / "002_de244ad36c17fbc9.md").exists()
