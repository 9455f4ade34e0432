package io.tokenlife.app.http.settings;

/** {@code LOG_FORMAT}: human text or one JSON object per line. */
public enum LogFormat { TEXT, JSON }
