package org.prakerja.registration;

enum Gender { M, F }
