package org.prakerja.wave;

/** R-13 why a person cannot receive the card. Selection counts its exclusions by these names too. */
public enum Ineligibility {
    UNDER_AGE("belum berusia 18 tahun"),
    IN_SCHOOL("sedang sekolah atau kuliah"),
    CIVIL_SERVANT("ASN (PNS/PPPK)"),
    SECURITY_FORCES("anggota TNI atau POLRI"),
    VILLAGE_OFFICIAL("kepala desa atau perangkat desa"),
    LEGISLATOR("anggota DPR/DPRD"),
    PREVIOUS_RECIPIENT("sudah pernah menerima Kartu Prakerja (sekali seumur hidup)"),
    FAMILY_CAP("sudah ada 2 penerima dalam satu Kartu Keluarga"),
    DUPLICATE_NIK("NIK ganda");

    private final String text;

    Ineligibility(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
