package org.prakerja.catalog;

/** How a training is delivered. */
public enum Method { VIDEO, WEBINAR, OFFLINE }
