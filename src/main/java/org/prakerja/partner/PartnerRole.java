package org.prakerja.partner;

public enum PartnerRole { PLATFORM, INSTITUTION }
