package io.kalpana.agent;

/** Why a turn ended early: a stable code for the client and a message for the person reading it. */
public record AgentFailure(String code, String message) {
}
