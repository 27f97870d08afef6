/* Result codes: at most 10 characters a learner can read aloud or type, checked by their last character.
 *
 *   tag (2) | score 0–100 (7 bits) and one bit per question, right or not, 5 bits a character | check (1)
 *
 * The tag names the quiz (the build hands out one per quiz, quizdata.result_tags); the alphabet is Crockford's
 * base 32 (no I, L, O or U; typed O, I and L are read as 0, 1 and 1); the check character is Luhn mod 32, which
 * catches every single wrong character and most swapped neighbours. A quiz has at most 28 questions. */

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function checkChar(body) {
  let sum = 0;
  for (let i = body.length - 1, factor = 2; i >= 0; i--, factor = 3 - factor) {
    const addend = factor * ALPHABET.indexOf(body[i]);
    sum += Math.floor(addend / 32) + (addend % 32);
  }
  return ALPHABET[(32 - (sum % 32)) % 32];
}

const codeLength = (questions) => 3 + Math.ceil((7 + questions) / 5);

function encodeResult(tag, score, rights) {
  let bits = score.toString(2).padStart(7, "0") + rights.map((r) => (r ? "1" : "0")).join("");
  bits = bits.padEnd(Math.ceil(bits.length / 5) * 5, "0");
  let body = tag;
  for (let i = 0; i < bits.length; i += 5) body += ALPHABET[parseInt(bits.slice(i, i + 5), 2)];
  return body + checkChar(body);
}

const MAX_LINES = 2000;  // a class, many times over; more is not a paste of result codes
const MAX_LINE = 300;
const OLD_CODE = /^[a-z0-9-]+\.\d+\.[0-9A-F]*\.\d+\.[^.]*\.[0-9A-Z]{4}$/i;

/** One pasted line: {quiz, score, rights, name}, or {error, code} saying what is wrong with it. Never throws. */
function readResultLine(line, byTag) {
  const text = line.slice(0, MAX_LINE).trim();
  if (OLD_CODE.test(text.split(/\s+/)[0])) return { error: "results_old" };
  let problem = null;
  for (const token of text.split(/[\s,;:|]+/)) {
    const code = token.toUpperCase().replace(/-/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
    if (!/^[0-9A-HJKMNP-TV-Z]{4,10}$/.test(code)) continue;
    const quiz = byTag[code.slice(0, 2)];
    if (!quiz) {
      if (!problem && /\d/.test(token) && code.length >= 5) problem = { error: "results_unknown", code: token };
      continue;
    }
    if (code.length !== codeLength(quiz.questions.length)) continue;
    const bits = [...code.slice(2, -1)].map((c) => ALPHABET.indexOf(c).toString(2).padStart(5, "0")).join("");
    const score = parseInt(bits.slice(0, 7), 2);
    const padding = bits.slice(7 + quiz.questions.length);
    if (checkChar(code.slice(0, -1)) !== code.slice(-1) || score > 100 || /1/.test(padding)) {
      if (!problem || problem.error !== "results_typo") problem = { error: "results_typo", code: token };
      continue;
    }
    const name = text.replace(token, " ").replace(/^[\s,;:|–—-]+|[\s,;:|–—-]+$/g, "").replace(/\s+/g, " ").slice(0, 60);
    return { quiz, score, rights: [...bits.slice(7, 7 + quiz.questions.length)].map((b) => b === "1"), name };
  }
  return problem || { error: "results_invalid" };
}
