package org.prakerja.catalog;

/** R-40 training categories, with the names participants see. */
public enum Category {
    PENJUALAN_PEMASARAN("Penjualan & Pemasaran"),
    TEKNOLOGI_INFORMASI("Teknologi Informasi"),
    BAHASA("Bahasa"),
    KULINER("Kuliner"),
    KEUANGAN("Keuangan"),
    KEWIRAUSAHAAN("Kewirausahaan"),
    PERTANIAN("Pertanian"),
    MANUFAKTUR("Manufaktur"),
    GAYA_HIDUP("Gaya Hidup"),
    PARIWISATA("Pariwisata");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
