package org.prakerja.login;

/** Who is calling: a participant, or an operator with one of the roles of docs/rules.md. */
public enum Role {
    PARTICIPANT, ADMIN, OPERATOR, AUDITOR;

    public boolean isOperator() {
        return this != PARTICIPANT;
    }
}
