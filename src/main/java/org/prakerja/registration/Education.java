package org.prakerja.registration;

/** Last education (pendidikan terakhir). */
enum Education { SD, SMP, SMA, SMK, D1, D2, D3, D4, S1, S2, S3 }
