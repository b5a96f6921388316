package org.prakerja.sandbox;

import java.util.List;
import org.prakerja.catalog.Catalog;
import org.prakerja.catalog.Category;
import org.prakerja.catalog.Method;
import org.prakerja.catalog.Platform;
import org.prakerja.partner.PartnerClients;
import org.prakerja.partner.PartnerRole;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * docs/api.md section 4: 5 platforms with different refund policies, 8 institutions and 40 trainings
 * in all 10 categories, each partner with API credentials (GET /sandbox/partners shows them).
 */
@Component
@Profile("sandbox")
@Order(1)
class CatalogSeed implements SeedStep {

    static final List<Platform> PLATFORMS = List.of(
            new Platform("tokopedia", "Tokopedia", true, 3),
            new Platform("bukalapak", "Bukalapak", true, 7),
            new Platform("pijarmahir", "Pijar Mahir", false, 0),
            new Platform("sisnaker", "Kemnaker (Sisnaker)", true, 1),
            new Platform("pintaria", "Pintaria", true, 14));

    private record Institution(String id, String name) {
    }

    private static final List<Institution> INSTITUTIONS = List.of(
            new Institution("lp-cakap", "Cakap Belajar"),
            new Institution("lp-kelaskita", "Kelas Kita Indonesia"),
            new Institution("lp-vokasi", "Vokasi Nusantara"),
            new Institution("lp-digital", "Akademi Digital Talenta"),
            new Institution("lp-dapur", "Dapur Rasa Academy"),
            new Institution("lp-tani", "Tani Maju Institute"),
            new Institution("lp-bahasa", "Bahasa Prima"),
            new Institution("lp-usaha", "Usaha Mandiri Center"));

    private static final List<List<String>> TITLES = List.of(
            List.of("Strategi Pemasaran Media Sosial", "Teknik Menjual untuk Pemula", "Copywriting Iklan Digital", "Mengelola Toko Online"),
            List.of("Dasar Pemrograman Python", "Microsoft Excel untuk Kerja", "Membuat Website dengan WordPress", "Dasar Analisis Data"),
            List.of("Bahasa Inggris untuk Layanan Pelanggan", "Bahasa Jepang Dasar untuk Kerja", "Bahasa Korea Percakapan", "Bahasa Inggris Wawancara Kerja"),
            List.of("Membuat Kue Kering untuk Usaha", "Memasak Masakan Nusantara", "Barista Kopi Profesional", "Manajemen Dapur Katering"),
            List.of("Pembukuan Usaha Kecil", "Perencanaan Keuangan Keluarga", "Dasar Perpajakan UMKM", "Akuntansi dengan Spreadsheet"),
            List.of("Memulai Usaha dari Rumah", "Membuat Rencana Bisnis", "Pengemasan Produk yang Menjual", "Mengurus Izin Usaha"),
            List.of("Budidaya Hidroponik", "Budidaya Ikan Lele", "Pertanian Organik Skala Kecil", "Pengolahan Hasil Panen"),
            List.of("Menjahit Pakaian Dasar", "Dasar Pengelasan", "Keselamatan Kerja di Pabrik", "Perawatan Mesin Produksi"),
            List.of("Tata Rias Pengantin", "Fotografi Produk dengan Ponsel", "Merawat Rambut dan Salon", "Desain Grafis dengan Canva"),
            List.of("Pemandu Wisata Lokal", "Pelayanan Front Office Hotel", "Mengelola Homestay", "Perencanaan Perjalanan Wisata"));

    private final Catalog catalog;
    private final PartnerClients partners;

    CatalogSeed(Catalog catalog, PartnerClients partners) {
        this.catalog = catalog;
        this.partners = partners;
    }

    @Override
    public void seed() {
        PLATFORMS.forEach(p -> {
            catalog.addPlatform(p);
            partners.register(p.id(), PartnerRole.PLATFORM, p.name());
        });
        INSTITUTIONS.forEach(i -> {
            catalog.addInstitution(i.id(), i.name());
            partners.register(i.id(), PartnerRole.INSTITUTION, i.name());
        });
        var categories = Category.values();
        var methods = Method.values();
        int n = 0;
        for (int c = 0; c < categories.length; c++) {
            for (String title : TITLES.get(c)) {
                var institution = INSTITUTIONS.get(n % INSTITUTIONS.size());
                long price = 100_000 + (n * 37_000L) % 800_000;
                List<String> platforms = List.of(PLATFORMS.get(n % 5).id(), PLATFORMS.get((n + 2) % 5).id());
                catalog.addTraining("TR-%03d".formatted(n + 1), title, categories[c],
                        "Pelatihan " + title.toLowerCase() + " oleh " + institution.name()
                                + ": materi praktis, tugas akhir dan sertifikat.",
                        institution.id(), price - price % 1000, 4 + n % 12, methods[n % methods.length], platforms);
                n++;
            }
        }
    }
}
