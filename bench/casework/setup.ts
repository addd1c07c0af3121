import { sql } from "drizzle-orm";
import { normalizeName } from "../../common/domain/clients.js";
import { openDatabase, queryRows } from "../../server/db/index.js";
import { applyMigrations } from "../../server/db/migrate.js";
import { roleAssignments, users } from "../../server/db/schema/index.js";
import { ensureReferenceProfessions } from "../../server/modules/consultations/reference-professions-repository.js";
import { seedNetwork } from "../../server/modules/directory/seed.js";
import { hashPassword } from "../../server/modules/identity/passwords.js";
import { newTotpSecret, TOTP_PURPOSE } from "../../server/modules/identity/totp.js";
import { encryptSecret } from "../../server/platform/secrets.js";

/**
 * Casework benchmark data (issue 3's measure): 200,000 clients and 600,000 consultations,
 * written with set-based inserts. One in ten clients belongs to the Berlin demo sub-project —
 * the bench counselor's caseload, 20,000 people, a large office on purpose — the rest is spread
 * over every other sub-project. Names are drawn deterministically from lists of the languages
 * the network counsels in, so searches hit realistic numbers of similar names.
 * Prints the facts the driver needs as JSON on stdout.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200_000);
const CONSULTATIONS_PER_CLIENT = 3;
const BATCH = 10_000;

const firstNames =
  `Mohammed Ahmad Ali Omar Yusuf Hassan Ibrahim Khaled Mahmoud Mustafa Amira Fatima Aisha Layla Mariam Noor Zainab Huda Samira Rania
Mehmet Ahmet Mustafa Emre Burak Elif Zeynep Ayşe Fatma Merve Olena Oksana Iryna Natalia Tetiana Andriy Oleksandr Dmytro Serhiy Yuriy
Reza Ali-Reza Hossein Mehdi Maryam Zahra Fatemeh Shirin Parisa Leila Ivan Sergei Anna Olga Elena Dmitri Aleksandr Tatjana Svetlana Pavel
Jean Marie Ana José Maria Juan Carlos Luis Sofia Lucia Giorgi Nino Arben Blerta Dragan Milica Priya Rahul Anil Sunita Chen Wei Li Mei`.split(
    /\s+/,
  );
const lastNames =
  `Al-Hassan Haddad Khalil Nasser Mansour Saleh Hamdan Aziz Ibrahim Youssef Darwish Sabbagh Othman Farouk Qasim Al-Masri Jaber Barakat Kassem Hijazi
Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Koç Kurt
Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Melnyk Boyko Kovalchuk Polishchuk Marchenko Lysenko
Hosseini Mohammadi Rezaei Ahmadi Karimi Moradi Jafari Rahimi Kazemi Sadeghi
Ivanov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Petrov
García Rodríguez Fernández Silva Santos Pereira Kapanadze Beridze Hoxha Krasniqi Petrović Jovanović Sharma Patel Singh Wang Zhang Liu`.split(
    /\s+/,
  );
const nationalities = [
  "SY",
  "SY",
  "SY",
  "TR",
  "TR",
  "UA",
  "UA",
  "IR",
  "AF",
  "RU",
  "IQ",
  "ER",
  "IN",
  "RO",
  "PL",
  "BA",
  "RS",
  "XK",
  "GE",
  "CN",
  "ES",
  "BR",
  "EG",
  "MA",
];

const url = process.env.DATABASE_URL;
const sessionSecret = process.env.SESSION_SECRET;
if (!url || !sessionSecret) throw new Error("bench/casework/setup.ts needs DATABASE_URL and SESSION_SECRET");

const password = "bench-password-2026";
const database = await openDatabase({ kind: "postgres", url });
await applyMigrations(database);
const db = database.db;
const totpSecret = newTotpSecret();
const started = Date.now();

const { counselorId, otherId, berlinUnit } = await db.transaction(async (tx) => {
  const unitIds = await seedNetwork(tx);
  await ensureReferenceProfessions(tx);
  const passwordHash = await hashPassword(password);
  const add = async (email: string, unitKey: string) => {
    const [user] = await tx
      .insert(users)
      .values({
        email,
        displayName: email,
        passwordHash,
        totpSecretEnc: encryptSecret(Buffer.from(sessionSecret, "utf8"), TOTP_PURPOSE, totpSecret),
        totpEnabledAt: new Date(),
      })
      .returning({ id: users.id });
    await tx.insert(roleAssignments).values({ userId: user!.id, role: "counselor", unitId: unitIds.get(unitKey)! });
    return user!.id;
  };
  return {
    counselorId: await add("bench.berater@lotse.bench", "demo-sub-project:DE-BE"),
    otherId: await add("bench.andere@lotse.bench", "demo-sub-project:DE-BY"),
    berlinUnit: unitIds.get("demo-sub-project:DE-BE")!,
  };
});

const otherUnits = (
  await queryRows<{ id: string }>(db, sql`select id from units where type = 'sub_project' and id <> ${berlinUnit} order by id`)
).map((r) => r.id);

// Clients, in batches of unnest()ed arrays: one statement per 10,000 rows.
for (let from = 0; from < CLIENTS; from += BATCH) {
  const rows = Array.from({ length: Math.min(BATCH, CLIENTS - from) }, (_, k) => {
    const i = from + k;
    const first = firstNames[(i * 7) % firstNames.length]!;
    const last = lastNames[(i * 13 + Math.floor(i / firstNames.length)) % lastNames.length]!;
    return {
      unit: i % 10 === 0 ? berlinUnit : otherUnits[i % otherUnits.length]!,
      first,
      last,
      search: normalizeName(first, last),
      year: 1960 + (i % 46),
      nationality: nationalities[i % nationalities.length]!,
      counselor: i % 10 === 0 ? counselorId : otherId,
    };
  });
  const col = <K extends keyof (typeof rows)[number]>(k: K) => `{${rows.map((r) => `"${String(r[k])}"`).join(",")}}`;
  await db.execute(sql`
    insert into clients (unit_id, first_name, last_name, search_name, birth_year, nationalities, counselor_id, refugee_background, gender, created_by)
    select u::uuid, f, l, s, y::int, array[n], c::uuid, (y::int % 3 = 0), (array['female','male','diverse','not_stated'])[1 + y::int % 4], c::uuid
      from unnest(${col("unit")}::text[], ${col("first")}::text[], ${col("last")}::text[], ${col("search")}::text[],
                  ${col("year")}::text[], ${col("nationality")}::text[], ${col("counselor")}::text[]) as t(u, f, l, s, y, n, c)`);
}

/** Bulk statements run longer than the app's statement timeout allows a request. */
const bulk = (statement: ReturnType<typeof sql>) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(statement);
  });

// Consultations: a first consultation in 2023–2026 and two follow-ups per client, with the audit
// events recording them (the audit table is as large as in a real year).
await bulk(sql`
  with professions as (select array_agg(id order by name) as ids from reference_professions),
  base as (
    select c.id, c.unit_id, c.counselor_id, row_number() over (order by c.id) as n,
           date '2023-01-02' + ((row_number() over (order by c.id)) % 1200)::int as first_day
      from clients c
  )
  insert into consultations (client_id, unit_id, counselor_id, date, funding_period, kind, channel, languages, duration_minutes, reference_profession_id, created_by)
  select b.id, b.unit_id, b.counselor_id, b.first_day + k.offset_days, '2023-2028',
         case when k.i = 1 then 'first_consultation' else 'follow_up' end,
         (array['in_person','phone','video','written','outreach','mobile'])[1 + (b.n + k.i) % 6],
         array['de', (array['ar','tr','uk','fa','ru','en'])[1 + b.n % 6]],
         30 + (b.n % 4) * 15,
         p.ids[1 + (b.n % array_length(p.ids, 1))],
         b.counselor_id
    from base b cross join professions p
    cross join (values (1, 0), (2, 21), (3, 90)) as k(i, offset_days)
   where k.i <= ${CONSULTATIONS_PER_CLIENT}`);
await bulk(
  sql`update clients c set last_contact_on = x.last from (select client_id, max(date) as last from consultations group by client_id) x where x.client_id = c.id`,
);
await bulk(sql`
  insert into audit_events (action, outcome, record_type, record_id, actor_user_id, actor_label, details)
  select 'consultation.create', 'success', 'consultation', id, counselor_id, 'bench', jsonb_build_object('clientId', client_id) from consultations`);
await bulk(sql`analyze`);

const [counts] = await queryRows<{ clients: number; consultations: number; berlin: number }>(
  db,
  sql`select (select count(*)::int from clients) as clients, (select count(*)::int from consultations) as consultations,
             (select count(*)::int from clients where unit_id = ${berlinUnit}) as berlin`,
);
const berlinClients = (
  await queryRows<{ id: string }>(db, sql`select id from clients where unit_id = ${berlinUnit} order by id limit 2000`)
).map((r) => r.id);
await database.close();
console.log(
  JSON.stringify({
    password,
    totpSecret,
    counselor: "bench.berater@lotse.bench",
    counselorId,
    berlinUnit,
    berlinClients,
    searchTerms: [
      ...lastNames.slice(0, 40),
      ...firstNames.slice(0, 20).map((f) => `${f.slice(0, 4)}`),
      "Yilmaz",
      "Shevtchenko",
      "Hosseyni",
      "Al Hasan",
    ],
    seconds: Math.round((Date.now() - started) / 1000),
    ...counts,
  }),
);
