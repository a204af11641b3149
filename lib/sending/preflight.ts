/**
 * Checks made with eSputnik before anything is sent, so that a mailing that cannot work fails
 * at once with a clear reason, with every recipient still pending: the message exists and is of
 * the mailing's type, the SMS sender (alpha name) is approved, and SMS can be paid for.
 */
import type { EsputnikClient } from "@/lib/esputnik/client";
import { EsputnikError } from "@/lib/esputnik/errors";
import type { Balance } from "@/lib/esputnik/types";
import { failureOf, MailingFailure } from "./failures";
import type { SendPlan } from "./send-run";

export async function preflight(client: EsputnikClient, plan: SendPlan): Promise<void> {
  try {
    const sender = await messageSender(client, plan);
    if (plan.channel !== "sms") return;
    const alphaName = plan.fromName ?? sender;
    if (alphaName) {
      const approved = await client.listSmsSenderNames();
      // UNKNOWN(§8.3): what eSputnik does with an unapproved name is unknown (the simulator
      // rejects every recipient); either way nothing useful would be sent, so refuse up front.
      if (!approved.includes(alphaName)) throw new MailingFailure("sending.failure.alphaNameNotApproved", alphaName);
    }
    // Emails are usually covered by the plan; SMS are paid per part from the balance.
    if (!canPaySms(await client.balance())) throw new MailingFailure("sending.failure.noMoney");
  } catch (err) {
    if (err instanceof EsputnikError) throw failureOf(err);
    throw err;
  }
}

/** Loads the message from eSputnik; returns its sender. An id that exists only in the other channel is a type mismatch. */
async function messageSender(client: EsputnikClient, plan: SendPlan): Promise<string | undefined> {
  const id = plan.esputnikMessageId;
  const getEmail = (n: number) => client.getEmailMessage(n);
  const getSms = (n: number) => client.getSmsMessage(n);
  const [get, getOther] = plan.channel === "email" ? [getEmail, getSms] : [getSms, getEmail];
  try {
    return (await get(id)).from;
  } catch (err) {
    if (!(err instanceof EsputnikError && err.kind === "not_found")) throw err;
    const other = await getOther(id).catch(() => null);
    throw new MailingFailure(other ? "sending.failure.messageTypeMismatch" : "sending.failure.messageNotFound", `eSputnik message ${id}`);
  }
}

function canPaySms(balance: Balance): boolean {
  return balance.bonusSmses > 0 || balance.currentBalance + balance.creditLimit > 0;
}
