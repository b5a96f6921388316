package org.prakerja.registration;

public enum Gender { M, F }
