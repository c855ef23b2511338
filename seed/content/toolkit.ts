// Demo seed content for CDM Studio: a relationships-skills toolkit for one-to-one probation
// supervision. Written in plain British English for a reading age of roughly 9 to 11.

export type SeedAnswerType = 'text' | 'scale' | 'choice'

export interface SeedQuestion {
  prompt: string
  answerType: SeedAnswerType
  /** Only for 'choice' questions, where it is required (3-5 items). */
  options?: string[]
}

export interface SeedLine {
  /** Must be the name of one of the clip's characters. */
  speaker: string
  text: string
  direction?: string
}

export interface SeedScene {
  heading: string
  lines: SeedLine[]
}

export interface SeedCharacter {
  name: string
  description: string
}

export interface SeedClip {
  /** Kebab-case, unique across all clips. */
  slug: string
  title: string
  /** 2-3 characters. */
  characters: SeedCharacter[]
  /** 2-4 scenes, 3-6 lines each. */
  scenes: SeedScene[]
  /** Slug of the base clip (only for variants). */
  variantOf?: string
  /** Only for variants. */
  variantAudience?: SeedAudienceSlug
}

export interface SeedExercise {
  slug: string
  title: string
  /** Welsh translation of the title. */
  titleCy: string
  /** Slug of a base clip in SEED_CLIPS. */
  clip: string
  /** 5-20. */
  minutes: number
  worksheetIntro: string
  /** 2-4, mixing the three answer types. */
  questions: SeedQuestion[]
  /** Between-session task. */
  task: string
  /** 3-4 summary-slide key points, each under 12 words. */
  keyPoints: string[]
  /** 1-2. */
  diaryPrompts: string[]
  /** Omit for most exercises. */
  audiences?: SeedAudienceSlug[]
}

export interface SeedModule {
  slug: string
  title: string
  titleCy: string
  mandatory: boolean
  intro: string
  exercises: SeedExercise[]
}

export type SeedAudienceSlug = 'mainstream' | 'same-sex-male' | 'female' | 'lgbt-inclusive'

export interface SeedAudience {
  slug: SeedAudienceSlug
  label: string
  description: string
}

export interface SeedAccent {
  label: string
  tag: string
  region: string
}

export interface SeedToolkit {
  slug: string
  title: string
  titleCy: string
  summary: string
  description: string
}

// ---------------------------------------------------------------------------
// Toolkit, audiences and accents
// ---------------------------------------------------------------------------

export const SEED_TOOLKIT: SeedToolkit = {
  slug: 'healthy-relationships',
  title: 'Healthy Relationships Toolkit',
  titleCy: 'Pecyn Cymorth Perthnasoedd Iach',
  summary:
    'Short clips, worksheets and diaries that help men build safe, respectful relationships during supervision.',
  description:
    'A one-to-one toolkit for probation practitioners working with men convicted of intimate partner violence. Each session pairs a short animated clip with a plain-language worksheet, a task to try before the next meeting, a summary slide and diary prompts. It builds on strengths, goals and the idea of a good life, so men can move away from abuse and towards the future they want.',
}

export const SEED_AUDIENCES: SeedAudience[] = [
  {
    slug: 'mainstream',
    label: 'Mainstream (male, female partner)',
    description: 'Men in relationships with women. This is the default version of every clip.',
  },
  {
    slug: 'same-sex-male',
    label: 'Same-sex male (male, male partner)',
    description: 'Men in relationships with men. Key clips show a male partner.',
  },
  {
    slug: 'female',
    label: 'Female',
    description:
      'Women who have used abuse in a relationship. Key clips show a woman as the main character.',
  },
  {
    slug: 'lgbt-inclusive',
    label: 'LGBT-inclusive',
    description:
      'People of any gender or sexuality. Examples reflect a wide range of relationships and identities.',
  },
]

export const SEED_ACCENTS: SeedAccent[] = [
  { label: 'Geordie (North East)', tag: 'en-GB-x-geordie', region: 'North East England' },
  { label: 'Scouse (Merseyside)', tag: 'en-GB-x-scouse', region: 'Merseyside' },
  { label: 'Welsh-English (South Wales)', tag: 'en-GB-x-southwal', region: 'South Wales' },
]

// ---------------------------------------------------------------------------
// Characters (reused across clips so the same people appear in several stories)
// ---------------------------------------------------------------------------

export const DEAN: SeedCharacter = {
  name: 'Dean',
  description:
    'In his thirties. Works on and off as a labourer. Loves his family, gets wound up fast.',
}
export const KAYLEIGH: SeedCharacter = {
  name: 'Kayleigh',
  description: "Dean's partner. Works at a bakery. Wants a calm home for their son.",
}
const KAI: SeedCharacter = {
  name: 'Kai',
  description: "Dean and Kayleigh's son, aged nine. Quiet, and loves music and drawing.",
}
export const SAM: SeedCharacter = {
  name: 'Sam',
  description: 'A probation officer. Calm, friendly and straight-talking.',
}
const JORDAN: SeedCharacter = {
  name: 'Jordan',
  description: 'In his early twenties. Works shifts at a warehouse. First time on probation.',
}
const CHLOE: SeedCharacter = {
  name: 'Chloe',
  description: "Jordan's girlfriend. Works in a bar and has a close group of friends.",
}
const LUKE: SeedCharacter = {
  name: 'Luke',
  description: "Jordan's cousin. Laid-back, loyal and always up for a chat.",
}
const PRIYA: SeedCharacter = {
  name: 'Priya',
  description: 'A probation officer. Patient, warm and practical.',
}
const GARETH: SeedCharacter = {
  name: 'Gareth',
  description: 'In his forties, from the South Wales valleys. A mechanic and a dad of two.',
}
const FFION: SeedCharacter = {
  name: 'Ffion',
  description: "Gareth's partner. Organised and busy. Keeps the family on track.",
}
const BETHAN: SeedCharacter = {
  name: 'Bethan',
  description: "Gareth's older sister. Kind, but does not mince her words.",
}
const MO: SeedCharacter = {
  name: 'Mo',
  description: 'A probation officer. Down to earth, with a good sense of humour.',
}
const RYAN: SeedCharacter = {
  name: 'Ryan',
  description: 'In his late twenties. Wants steady work. Plays five-a-side football.',
}
const LEANNE: SeedCharacter = {
  name: 'Leanne',
  description: "Ryan's partner. A care worker who works long shifts.",
}
const AARON: SeedCharacter = {
  name: 'Aaron',
  description: "Ryan's partner. A nurse who works long shifts on a busy ward.",
}
const CRAIG: SeedCharacter = {
  name: 'Craig',
  description: "Ryan's older brother. Settled, steady and a good listener.",
}
const MARCUS: SeedCharacter = {
  name: 'Marcus',
  description: 'In his thirties. A delivery driver. Proud, and quick to feel disrespected.',
}
const JADE: SeedCharacter = {
  name: 'Jade',
  description: "Marcus's partner. Sociable, funny and close to her friends.",
}
const STACEY: SeedCharacter = {
  name: 'Stacey',
  description: 'In her thirties. Works in a call centre. Mum of one, quick to feel left out.',
}
const LEE: SeedCharacter = {
  name: 'Lee',
  description: "Stacey's partner. Easy-going and mad about football.",
}

// ---------------------------------------------------------------------------
// Modules and exercises
// ---------------------------------------------------------------------------

const FOUNDATION: SeedModule = {
  slug: 'foundation',
  title: 'Foundation',
  titleCy: 'Sylfaen',
  mandatory: true,
  intro:
    'Everyone starts here. These sessions explain what supervision is for, help you think about what matters to you, and set up a plan to keep everyone safe.',
  exercises: [
    {
      slug: 'what-supervision-is-for',
      title: 'What Supervision Is For',
      titleCy: 'Beth yw Pwrpas Goruchwyliaeth',
      clip: 'first-meeting',
      minutes: 10,
      worksheetIntro: 'This sheet is about what our meetings are for. There are no wrong answers.',
      questions: [
        {
          prompt: 'What did you think probation would be like before today?',
          answerType: 'text',
        },
        {
          prompt: 'How comfortable do you feel talking to your probation officer right now?',
          answerType: 'scale',
        },
        {
          prompt: 'What do you most want from our meetings?',
          answerType: 'choice',
          options: [
            'Help to stay out of trouble',
            'Help with my relationships',
            'Help with work, money or housing',
            'I am not sure yet',
          ],
        },
      ],
      task: 'Think of one thing you would like help with. Bring it to our next meeting.',
      keyPoints: [
        'Supervision is about building a better life.',
        'Honesty works both ways in our meetings.',
        'Keeping everyone safe comes first.',
        'You have a say in what we work on.',
      ],
      diaryPrompts: ["How did I feel before and after today's meeting?"],
    },
    {
      slug: 'what-happens-next',
      title: 'What Happens Next',
      titleCy: "Beth Sy'n Digwydd Nesaf",
      clip: 'whats-next',
      minutes: 8,
      worksheetIntro:
        'This sheet helps you know what to expect. Ask about anything that is unclear.',
      questions: [
        {
          prompt: 'Which of these would help you most in our sessions?',
          answerType: 'choice',
          options: [
            'Me reading things out',
            'Watching the clips more than once',
            'Using the diary',
            'Short breaks',
          ],
        },
        {
          prompt: 'Is there anything that could make it hard to get to appointments?',
          answerType: 'text',
        },
        {
          prompt: 'How clear are you about what happens next?',
          answerType: 'scale',
        },
      ],
      task: "Put your next appointment somewhere you'll see it, like your phone or the fridge.",
      keyPoints: [
        'Meetings are weekly at first.',
        'Tell your officer early if you cannot make it.',
        'Help with reading is always there.',
        'Each session ends with a short summary.',
      ],
      diaryPrompts: ['Is there anything I want to ask about next time?'],
    },
    {
      slug: 'what-matters-to-me',
      title: 'What Matters to Me',
      titleCy: "Beth Sy'n Bwysig i Mi",
      clip: 'what-matters',
      minutes: 12,
      worksheetIntro:
        'Values are the things that matter most to you. Goals are the steps that get you there.',
      questions: [
        {
          prompt: 'Name two or three things that matter most to you.',
          answerType: 'text',
        },
        {
          prompt: 'How closely does your life match those things right now?',
          answerType: 'scale',
        },
        {
          prompt: 'Which area would you most like to work on first?',
          answerType: 'choice',
          options: [
            'Family and children',
            'Work or training',
            'Health',
            'Friendships',
            'Something else',
          ],
        },
      ],
      task: 'Choose one small step towards something that matters to you. Try it before we next meet.',
      keyPoints: [
        'Values are what matter most to you.',
        'Goals are small steps towards your values.',
        'Noticing the gap is the first step.',
        'Small steps done often add up.',
      ],
      diaryPrompts: ['What did I do this week that fits what matters to me?'],
    },
    {
      slug: 'my-good-life',
      title: 'My Good Life',
      titleCy: 'Fy Mywyd Da',
      clip: 'a-good-life',
      minutes: 15,
      worksheetIntro:
        'This sheet is about the life you want, not just the trouble you want to avoid.',
      questions: [
        {
          prompt: 'Picture your life in two years if things go well. What do you see?',
          answerType: 'text',
        },
        {
          prompt: 'Which of these would make the biggest difference to your life?',
          answerType: 'choice',
          options: [
            'Steady work',
            'A safe, settled home',
            'Good relationships',
            'Better health',
            'Hobbies and fun',
          ],
        },
        {
          prompt: 'How hopeful do you feel about your future?',
          answerType: 'scale',
        },
      ],
      task: 'Write or draw three things that would be part of your good life. Bring them next time.',
      keyPoints: [
        'Think about what you want, not just what to avoid.',
        'A good life needs safe, respectful relationships.',
        'Everyone has things going for them.',
        'Big changes start with small steps.',
      ],
      diaryPrompts: ['What did I do this week that my future self would thank me for?'],
    },
    {
      slug: 'spotting-my-strengths',
      title: 'Spotting My Strengths',
      titleCy: 'Sylwi ar Fy Nghryfderau',
      clip: 'hidden-strengths',
      minutes: 10,
      worksheetIntro:
        'We all have strengths, even when they are hard to see. This sheet helps you find yours.',
      questions: [
        {
          prompt: 'What would a good friend say you are good at?',
          answerType: 'text',
        },
        {
          prompt: 'Which of these strengths do you have?',
          answerType: 'choice',
          options: ['Hard-working', 'Caring', 'Funny', 'Loyal', 'Good with my hands'],
        },
        {
          prompt: 'How easy is it for you to see your own strengths?',
          answerType: 'scale',
        },
      ],
      task: "Ask someone you trust what they think you're good at. Write down what they say.",
      keyPoints: [
        'Everyone has strengths, even if they are hard to see.',
        'Strengths can help you make changes.',
        'Other people often see strengths we miss.',
      ],
      diaryPrompts: ['When did I use one of my strengths this week?'],
    },
    {
      slug: 'making-a-safety-plan',
      title: 'Making a Safety Plan',
      titleCy: 'Gwneud Cynllun Diogelwch',
      clip: 'safety-plan',
      minutes: 15,
      worksheetIntro:
        'A safety plan helps when things start to build up. We will write yours together.',
      questions: [
        {
          prompt: 'What are your early warning signs that things are building up?',
          answerType: 'text',
        },
        {
          prompt: 'Where will you keep your safety plan?',
          answerType: 'choice',
          options: ['On my phone', 'In my wallet', 'On the fridge', 'Somewhere else'],
        },
        {
          prompt: 'How confident are you that you could use your plan?',
          answerType: 'scale',
        },
      ],
      task: 'Read your safety plan each day this week. Add anything you think is missing.',
      keyPoints: [
        'A safety plan is for when things build up.',
        'Know your early warning signs.',
        'Plan what you will do and who to call.',
        'Keep your plan somewhere easy to find.',
      ],
      diaryPrompts: ['Did I notice any warning signs this week? What did I do?'],
    },
    {
      slug: 'taking-a-time-out',
      title: 'Taking a Time-Out',
      titleCy: 'Cymryd Seibiant',
      clip: 'time-out',
      minutes: 12,
      worksheetIntro:
        'A time-out is a planned break when things get heated. It only works if you come back.',
      questions: [
        {
          prompt: 'Which of these is part of a good time-out?',
          answerType: 'choice',
          options: [
            'Saying when you will be back',
            'Slamming the door on the way out',
            'Going to the pub',
            'Refusing to talk about it later',
          ],
        },
        {
          prompt: 'Where could you go during a time-out, and what would you do?',
          answerType: 'text',
        },
        {
          prompt: 'How likely are you to use a time-out when things get heated?',
          answerType: 'scale',
        },
      ],
      task: 'Write down your time-out plan. If you are in contact with a partner, agree it when you are both calm.',
      keyPoints: [
        'Agree a time-out plan when everyone is calm.',
        'Say you need a break and when you will be back.',
        'No drink or drugs during a time-out.',
        'Always come back and finish the talk calmly.',
      ],
      diaryPrompts: ['Did I need a time-out this week? How did it go?'],
    },
    {
      slug: 'my-support-network',
      title: 'My Support Network',
      titleCy: 'Fy Rhwydwaith Cymorth',
      clip: 'in-my-corner',
      minutes: 10,
      worksheetIntro:
        'Nobody gets through hard times alone. This sheet is about who is in your corner.',
      questions: [
        {
          prompt: 'Who are the people you could turn to for support?',
          answerType: 'text',
        },
        {
          prompt: 'What kind of support would help you most?',
          answerType: 'choice',
          options: [
            'Someone to talk to',
            'Help with money or housing',
            'Help with drink or drugs',
            'Help with my mental health',
            'Something to do with my time',
          ],
        },
        {
          prompt: 'How supported do you feel right now?',
          answerType: 'scale',
        },
      ],
      task: 'Get in touch with one person from your network this week, just to catch up.',
      keyPoints: [
        'Everyone needs people in their corner.',
        'Asking for help is a strength.',
        'Good support keeps you and others safe.',
      ],
      diaryPrompts: ['Who did I reach out to this week, and how did it feel?'],
    },
  ],
}

const THINKING: SeedModule = {
  slug: 'thinking',
  title: 'Thinking',
  titleCy: 'Meddwl',
  mandatory: false,
  intro:
    'How we think about things affects how we feel and what we do. This module helps you spot unhelpful thoughts and find fairer ones.',
  exercises: [
    {
      slug: 'thinking-traps',
      title: 'Thinking Traps',
      titleCy: 'Trapiau Meddwl',
      clip: 'the-thinking-trap',
      minutes: 12,
      worksheetIntro:
        'Thinking traps are thoughts that feel true but are not fair. Everyone falls into them.',
      questions: [
        {
          prompt: 'Which of these is a thinking trap?',
          answerType: 'choice',
          options: [
            'She always does this',
            'The bus might have been late',
            'I will ask her what happened',
            'I feel let down right now',
          ],
        },
        {
          prompt: 'Write about a time you fell into a thinking trap. What did you tell yourself?',
          answerType: 'text',
        },
        {
          prompt: "How often do you notice 'always' or 'never' thoughts?",
          answerType: 'scale',
        },
      ],
      task: "Catch one 'always' or 'never' thought this week. Write down a fairer thought instead.",
      keyPoints: [
        'Thoughts are not always facts.',
        "Watch out for 'always' and 'never'.",
        'A fairer thought can calm things down.',
        'You can catch a trap before it catches you.',
      ],
      diaryPrompts: ['What thinking trap did I notice this week?'],
    },
    {
      slug: 'jealous-thoughts',
      title: 'Jealous Thoughts',
      titleCy: 'Meddyliau Cenfigennus',
      clip: 'jealous-thoughts',
      minutes: 15,
      worksheetIntro:
        'Jealous thoughts are common. This sheet is about noticing them without acting on them.',
      questions: [
        {
          prompt: 'What jealous thoughts have you had, and what did they make you want to do?',
          answerType: 'text',
        },
        {
          prompt: 'How strong are jealous feelings for you, most of the time?',
          answerType: 'scale',
        },
        {
          prompt: 'What could Jordan do with his jealous thoughts?',
          answerType: 'choice',
          options: [
            'Notice them and let them pass',
            'Keep texting Chloe',
            'Turn up at the bar',
            'Check her phone later',
          ],
        },
      ],
      task: 'When a jealous thought shows up, ask yourself: what are the facts? Write down what you notice.',
      keyPoints: [
        'Jealous thoughts are common, but they are not facts.',
        'Checking up on a partner is a form of control.',
        'You can notice a thought without acting on it.',
        'Trust grows when partners have their own space.',
      ],
      diaryPrompts: ['When did I feel jealous this week, and what did I do?'],
    },
    {
      slug: 'assuming-the-worst',
      title: 'Assuming the Worst',
      titleCy: "Tybio'r Gwaethaf",
      clip: 'assuming-the-worst',
      minutes: 12,
      worksheetIntro:
        'Sometimes we decide people are out to get us before we know the facts. This sheet looks at that.',
      questions: [
        {
          prompt:
            'Think of a time you felt someone meant to upset you. What else might have been going on?',
          answerType: 'text',
        },
        {
          prompt: 'What could Marcus do next time he thinks people are laughing at him?',
          answerType: 'choice',
          options: [
            'Ask what is funny',
            'Think of other reasons',
            'Take a breath first',
            'All of these',
          ],
        },
        {
          prompt: 'How often do you feel people are having a go at you?',
          answerType: 'scale',
        },
      ],
      task: 'When you next feel someone is having a go at you, think of two other reasons for what they did.',
      keyPoints: [
        'We often guess why people do things.',
        'Our guesses can be wrong.',
        'Think of other reasons before you react.',
        'If in doubt, ask calmly.',
      ],
      diaryPrompts: ['When did I assume the worst this week? Was I right?'],
    },
    {
      slug: 'the-voice-in-my-head',
      title: 'The Voice in My Head',
      titleCy: 'Y Llais yn Fy Mhen',
      clip: 'voice-in-my-head',
      minutes: 10,
      worksheetIntro:
        'We all talk to ourselves in our heads. This sheet helps you make that voice more helpful.',
      questions: [
        {
          prompt: 'What does the voice in your head say when things go wrong?',
          answerType: 'text',
        },
        {
          prompt: 'How kind is the voice in your head, most days?',
          answerType: 'scale',
        },
        {
          prompt: 'Which of these is helpful self-talk?',
          answerType: 'choice',
          options: [
            'I am useless',
            'This is hard, but I can handle it',
            'Nobody cares anyway',
            'Why do I even bother',
          ],
        },
      ],
      task: 'When you notice harsh self-talk, ask what you would say to a mate. Say that to yourself instead.',
      keyPoints: [
        'We all talk to ourselves in our heads.',
        'Harsh self-talk can leave us angry or low.',
        'Talk to yourself like you would to a mate.',
        'Helpful self-talk keeps you moving forward.',
      ],
      diaryPrompts: [
        'What did the voice in my head say this week?',
        'What would a good mate have said instead?',
      ],
    },
    {
      slug: 'solving-problems',
      title: 'Solving Problems Step by Step',
      titleCy: 'Datrys Problemau Gam wrth Gam',
      clip: 'sorting-it-out',
      minutes: 15,
      worksheetIntro:
        'Big problems feel smaller when you break them down. This sheet shows you how.',
      questions: [
        {
          prompt: 'What is one problem on your mind right now?',
          answerType: 'text',
        },
        {
          prompt: 'What is the first step in solving a problem?',
          answerType: 'choice',
          options: [
            'Work out what the problem really is',
            'Find someone to blame',
            'Ignore it and hope it goes away',
            'Do the first thing that comes to mind',
          ],
        },
        {
          prompt: 'How confident are you at sorting out problems calmly?',
          answerType: 'scale',
        },
      ],
      task: 'Pick one small problem. List three ideas, choose one, and try it.',
      keyPoints: [
        'Stop and say what the problem really is.',
        'Think of more than one idea.',
        'Pick one, try it, and check how it went.',
        'Solving problems together builds teamwork.',
      ],
      diaryPrompts: ['What problem did I work on this week, and what happened?'],
    },
    {
      slug: 'other-points-of-view',
      title: 'Seeing Other Points of View',
      titleCy: 'Gweld Safbwyntiau Eraill',
      clip: 'in-her-shoes',
      minutes: 12,
      worksheetIntro:
        'Two people can see the same thing in very different ways. This sheet helps you see the other side.',
      questions: [
        {
          prompt: 'Think of a recent row. How might the other person have seen it?',
          answerType: 'text',
        },
        {
          prompt: "How easy is it for you to see things from someone else's side?",
          answerType: 'scale',
        },
        {
          prompt: "What helped Marcus see Jade's side?",
          answerType: 'choice',
          options: [
            'He imagined it the other way round',
            'He thought about her feelings',
            'He slowed down before reacting',
            'All of these',
          ],
        },
      ],
      task: 'Next time you disagree with someone, ask yourself how it looks from their side.',
      keyPoints: [
        'Everyone sees things from their own side.',
        'Try imagining it the other way round.',
        'Understanding someone is not the same as losing.',
        'Understanding feelings helps calm things down.',
      ],
      diaryPrompts: ["When did I try to see someone else's side this week?"],
    },
  ],
}

const EMOTIONS: SeedModule = {
  slug: 'emotions',
  title: 'Emotions',
  titleCy: 'Emosiynau',
  mandatory: false,
  intro:
    'Feelings are normal, even strong ones. This module helps you notice feelings early and manage them safely.',
  exercises: [
    {
      slug: 'noticing-body-signals',
      title: 'Noticing Body Signals',
      titleCy: 'Sylwi ar Arwyddion y Corff',
      clip: 'warning-lights',
      minutes: 10,
      worksheetIntro:
        'Your body often warns you before anger takes over. This sheet helps you learn your signs.',
      questions: [
        {
          prompt: 'Where in your body do you feel anger first?',
          answerType: 'choice',
          options: ['Face or jaw', 'Chest or heart', 'Hands or arms', 'Stomach', 'Somewhere else'],
        },
        {
          prompt: 'How early do you usually notice yourself getting wound up?',
          answerType: 'scale',
        },
        {
          prompt: "What are your body's early warning signs?",
          answerType: 'text',
        },
      ],
      task: 'Do a quick body check three times a day. Notice your jaw, hands, chest and breathing.',
      keyPoints: [
        'Your body warns you before anger takes over.',
        'Learn your own early warning signs.',
        'Noticing early gives you more choices.',
      ],
      diaryPrompts: ['What did my body tell me this week?'],
    },
    {
      slug: 'whats-under-the-anger',
      title: "What's Under the Anger",
      titleCy: 'Beth Sydd o Dan y Dicter',
      clip: 'under-the-anger',
      minutes: 15,
      worksheetIntro:
        'Anger is often the top layer. This sheet helps you find the feelings underneath.',
      questions: [
        {
          prompt: 'Which feelings can hide under anger?',
          answerType: 'choice',
          options: ['Hurt', 'Worry or fear', 'Embarrassment', 'Feeling left out', 'All of these'],
        },
        {
          prompt: 'Think of a time you got angry. What was underneath?',
          answerType: 'text',
        },
        {
          prompt: 'How easy is it for you to say what you feel under the anger?',
          answerType: 'scale',
        },
      ],
      task: 'Next time you feel angry, stop and name one feeling underneath it.',
      keyPoints: [
        'Anger is often the top layer.',
        'Hurt, worry or shame can sit underneath.',
        'Naming the feeling underneath helps others understand.',
        'Feeling angry is okay. Hurting people is not.',
      ],
      diaryPrompts: ['When did I feel angry this week? What was underneath?'],
    },
    {
      slug: 'dealing-with-shame',
      title: 'Dealing with Shame',
      titleCy: 'Delio â Chywilydd',
      clip: 'carrying-shame',
      minutes: 15,
      worksheetIntro:
        'Shame can make us hide or lash out. This sheet is about owning what happened and moving on.',
      questions: [
        {
          prompt: 'How much does shame get in the way for you?',
          answerType: 'scale',
        },
        {
          prompt: 'Which sentence sounds like guilt, not shame?',
          answerType: 'choice',
          options: [
            'I am a bad person',
            'I did something wrong and I want to put it right',
            'Nobody will ever forgive me',
            'There is no point trying',
          ],
        },
        {
          prompt: 'What could you do this week that fits the person you want to be?',
          answerType: 'text',
        },
      ],
      task: 'Each day, write down one thing you did that fits the person you want to be.',
      keyPoints: [
        'Shame says I am bad. Guilt says I did wrong.',
        'Shame can lead to hiding or lashing out.',
        'Taking responsibility is part of moving on.',
        'You can choose who you are from now on.',
      ],
      diaryPrompts: ['What did I do this week that I am proud of?'],
    },
    {
      slug: 'coping-with-stress',
      title: 'Coping with Stress',
      titleCy: 'Ymdopi â Straen',
      clip: 'stress-bucket',
      minutes: 12,
      worksheetIntro:
        'Stress builds up like water in a bucket. This sheet helps you find safe ways to let it out.',
      questions: [
        {
          prompt: 'What is filling up your stress bucket right now?',
          answerType: 'text',
        },
        {
          prompt: 'How full is your stress bucket today?',
          answerType: 'scale',
        },
        {
          prompt: 'Which of these is a healthy tap?',
          answerType: 'choice',
          options: ['Going for a walk', 'Talking to a mate', 'Listening to music', 'All of these'],
        },
      ],
      task: 'Use one healthy tap every day this week. Notice how full your bucket feels.',
      keyPoints: [
        'Stress builds up like water in a bucket.',
        'A full bucket makes snapping more likely.',
        'Healthy taps let stress out safely.',
        'Drink and drugs fill the bucket back up.',
      ],
      diaryPrompts: ['What filled my bucket this week, and what helped empty it?'],
    },
    {
      slug: 'calming-skills',
      title: 'Calming Skills',
      titleCy: 'Sgiliau Tawelu',
      clip: 'breathe-it-out',
      minutes: 10,
      worksheetIntro: 'Calming skills help you slow down so you can choose what to do next.',
      questions: [
        {
          prompt: 'Which calming skill would you like to try?',
          answerType: 'choice',
          options: [
            'Slow breathing',
            'Counting back from twenty',
            'Going for a walk',
            'Listening to music',
            'Cold water on my face',
          ],
        },
        {
          prompt: 'How calm do you feel right now?',
          answerType: 'scale',
        },
        {
          prompt: 'What already helps you calm down when you feel wound up?',
          answerType: 'text',
        },
      ],
      task: 'Practise slow breathing for two minutes each day, even when you feel calm.',
      keyPoints: [
        'Calming skills work best when practised often.',
        'Breathe in for four, out for six.',
        'Calming down first helps you choose what to do.',
      ],
      diaryPrompts: ['Which calming skill did I use this week, and did it help?'],
    },
  ],
}

const RELATIONSHIPS: SeedModule = {
  slug: 'relationships',
  title: 'Relationships',
  titleCy: 'Perthnasoedd',
  mandatory: false,
  intro:
    'Good relationships are built on respect and trust. This module looks at listening, disagreeing safely, children, and repairing trust.',
  exercises: [
    {
      slug: 'respect-or-control',
      title: 'Respect or Control?',
      titleCy: 'Parch neu Reolaeth?',
      clip: 'respect-or-control',
      minutes: 15,
      worksheetIntro:
        'Respect means letting people make their own choices. This sheet helps you spot control.',
      questions: [
        {
          prompt: 'Which of these is respectful?',
          answerType: 'choice',
          options: [
            'Letting your partner choose what to wear',
            'Checking their phone',
            'Telling them who they can see',
            'Keeping hold of their bank card',
          ],
        },
        {
          prompt: 'How easy is it for you to let others make their own choices?',
          answerType: 'scale',
        },
        {
          prompt: 'What does respect look like in a relationship, in your own words?',
          answerType: 'text',
        },
      ],
      task: 'Notice one time this week when you wanted to control something. Write down what you did instead.',
      keyPoints: [
        'Respect means the other person gets to choose.',
        'Control can be quiet, like checking phones.',
        'Your worries are yours to manage.',
        'Respect builds trust. Control breaks it.',
      ],
      diaryPrompts: ['When did I show respect this week?'],
    },
    {
      slug: 'really-listening',
      title: 'Really Listening',
      titleCy: 'Gwrando Go Iawn',
      clip: 'really-listening',
      minutes: 10,
      worksheetIntro:
        'Listening is more than hearing. This sheet is about showing people you care.',
      questions: [
        {
          prompt: 'Which of these shows you are really listening?',
          answerType: 'choice',
          options: [
            'Putting your phone down',
            'Looking at the person',
            'Asking how they feel',
            'All of these',
          ],
        },
        {
          prompt: 'How good a listener do you think you are?',
          answerType: 'scale',
        },
        {
          prompt: 'Who really listens to you? What do they do?',
          answerType: 'text',
        },
      ],
      task: 'Have one chat this week with your phone out of sight. Ask how the other person feels.',
      keyPoints: [
        'Put the phone down and look at the person.',
        'Ask how they feel, not just what happened.',
        'Sometimes people want listening, not fixing.',
      ],
      diaryPrompts: ['When did I really listen to someone this week?'],
    },
    {
      slug: 'disagreeing-safely',
      title: 'Disagreeing Safely',
      titleCy: "Anghytuno'n Ddiogel",
      clip: 'disagreeing-safely',
      minutes: 15,
      worksheetIntro:
        'Every couple disagrees. This sheet is about disagreeing without anyone feeling scared.',
      questions: [
        {
          prompt: 'What do arguments at home usually start about?',
          answerType: 'text',
        },
        {
          prompt: 'Which of these is a fair way to disagree?',
          answerType: 'choice',
          options: [
            "Saying 'I feel' instead of 'you always'",
            'Bringing up old mistakes',
            'Raising your voice to be heard',
            'Walking off without saying why',
          ],
        },
        {
          prompt: 'How safe do you think people feel disagreeing with you?',
          answerType: 'scale',
        },
      ],
      task: 'Write down three rules for fair disagreements. Use them next time you disagree with someone.',
      keyPoints: [
        'Disagreeing is normal in any relationship.',
        'Talk about the problem, not the person.',
        "Say 'I feel' instead of 'you always'.",
        'Take a break if it gets heated.',
      ],
      diaryPrompts: ['How did I handle a disagreement this week?'],
    },
    {
      slug: 'through-a-childs-eyes',
      title: "Through a Child's Eyes",
      titleCy: 'Trwy Lygaid Plentyn',
      clip: 'through-kais-eyes',
      minutes: 15,
      worksheetIntro:
        'Children notice more than we think. This sheet helps you see home through their eyes.',
      questions: [
        {
          prompt: 'If a child was watching your home life, what would they see and hear?',
          answerType: 'text',
        },
        {
          prompt: 'How can children be affected by rows at home?',
          answerType: 'choice',
          options: [
            'They feel scared or worried',
            'They find it hard to sleep or learn',
            'They think it is their fault',
            'All of these',
          ],
        },
        {
          prompt: 'How much do you think about children when things get heated?',
          answerType: 'scale',
        },
      ],
      task: 'If you have safe contact with children, spend ten calm minutes doing something they enjoy. If not, write what you want them to remember about you.',
      keyPoints: [
        'Children notice more than we think.',
        'Rows can leave children scared, even behind closed doors.',
        "Keeping things calm is the adults' job.",
        'Children need to feel safe at home.',
      ],
      diaryPrompts: ['What do I want the children in my life to remember about me?'],
    },
    {
      slug: 'repairing-trust',
      title: 'Repairing Trust',
      titleCy: 'Adfer Ymddiriedaeth',
      clip: 'rebuilding-trust',
      minutes: 15,
      worksheetIntro:
        'Trust can break fast and takes time to grow back. This sheet is about being patient and steady.',
      questions: [
        {
          prompt: 'What small things could you do to show you can be trusted?',
          answerType: 'text',
        },
        {
          prompt: 'How patient can you be while trust grows back?',
          answerType: 'scale',
        },
        {
          prompt: 'Who decides when trust is back?',
          answerType: 'choice',
          options: [
            'The person who was hurt',
            'Me',
            'My probation officer',
            'Nobody, it just happens',
          ],
        },
      ],
      task: 'Do one small, reliable thing each day this week, like being on time or keeping your word.',
      keyPoints: [
        'Trust breaks fast and comes back slowly.',
        'Small, steady actions rebuild trust over time.',
        'The person who was hurt decides when to trust.',
        'Keep going, even when it feels slow.',
      ],
      diaryPrompts: [
        'What did I do this week to show I can be trusted?',
        'How did it feel to be patient?',
      ],
    },
  ],
}

export const SEED_MODULES: SeedModule[] = [FOUNDATION, THINKING, EMOTIONS, RELATIONSHIPS]

// ---------------------------------------------------------------------------
// Clips: 24 base clips (one per exercise) plus 2 audience variants
// ---------------------------------------------------------------------------

export const SEED_CLIPS: SeedClip[] = [
  // Foundation
  {
    slug: 'first-meeting',
    title: 'First Meeting',
    characters: [DEAN, SAM],
    scenes: [
      {
        heading: 'Dean arrives',
        lines: [
          { speaker: 'Sam', text: "Hiya, Dean. I'm Sam. Come and sit down." },
          { speaker: 'Dean', text: "Let's just get this over with.", direction: 'arms folded' },
          { speaker: 'Sam', text: "Fair enough. You look like you'd rather be anywhere else." },
          { speaker: 'Dean', text: "I thought you'd just check up on me. Tick some boxes." },
          { speaker: 'Sam', text: "There's a bit of that. But it's not the main thing." },
        ],
      },
      {
        heading: 'What the meetings are for',
        lines: [
          { speaker: 'Sam', text: 'These meetings are about you building a better life.' },
          { speaker: 'Dean', text: 'And not ending up back in court?' },
          { speaker: 'Sam', text: 'That too. Nobody gets hurt, and you move forward.' },
          { speaker: 'Dean', text: 'So what do we actually do?', direction: 'unfolds arms' },
          { speaker: 'Sam', text: 'Short clips, a few questions, and a proper chat.' },
        ],
      },
      {
        heading: 'Being straight with each other',
        lines: [
          { speaker: 'Dean', text: 'What if I say the wrong thing?' },
          { speaker: 'Sam', text: "Just be honest. I'll be honest with you too." },
          { speaker: 'Sam', text: "If I think someone's at risk, I have to act on it." },
          { speaker: 'Dean', text: "Right. At least you're straight with me." },
          { speaker: 'Sam', text: "That's the idea. See you next week?", direction: 'smiles' },
        ],
      },
    ],
  },
  {
    slug: 'whats-next',
    title: 'What Happens Next',
    characters: [JORDAN, PRIYA],
    scenes: [
      {
        heading: "Jordan's worries",
        lines: [
          { speaker: 'Jordan', text: 'How often do I have to come in?' },
          { speaker: 'Priya', text: 'Every week at first. Later on, it may be less.' },
          {
            speaker: 'Jordan',
            text: "My shifts change all the time. What if I can't make it?",
            direction: 'looks at phone',
          },
          { speaker: 'Priya', text: 'Tell me early. We can often move things around.' },
        ],
      },
      {
        heading: 'How the sessions work',
        lines: [
          { speaker: 'Priya', text: "We'll work through a toolkit together, one step at a time." },
          { speaker: 'Jordan', text: 'Like a course?' },
          { speaker: 'Priya', text: "Sort of. But it's just you and me, one to one." },
          { speaker: 'Jordan', text: "What if I'm rubbish at reading?", direction: 'quietly' },
          { speaker: 'Priya', text: 'Loads of people are. I can read things out.' },
        ],
      },
      {
        heading: 'End of the session',
        lines: [
          { speaker: 'Priya', text: "Each time, we'll finish with a short summary." },
          { speaker: 'Jordan', text: "So I'm not trying to remember it all." },
          {
            speaker: 'Priya',
            text: "Exactly. And there's a diary, if you want to jot things down.",
          },
          { speaker: 'Jordan', text: 'Okay. That sounds doable.', direction: 'nods' },
        ],
      },
    ],
  },
  {
    slug: 'what-matters',
    title: 'What Matters Most',
    characters: [GARETH, MO],
    scenes: [
      {
        heading: 'The big question',
        lines: [
          { speaker: 'Mo', text: 'Gareth, what matters most to you in life?' },
          { speaker: 'Gareth', text: "Nobody's ever asked me that.", direction: 'laughs' },
          { speaker: 'Mo', text: "Take your time. There's no rush." },
          { speaker: 'Gareth', text: "My kids. Being a good dad. That's the big one." },
        ],
      },
      {
        heading: 'Mind the gap',
        lines: [
          { speaker: 'Mo', text: 'What does a good dad do, day to day?' },
          { speaker: 'Gareth', text: 'Turns up. Keeps his word. Keeps things calm at home.' },
          { speaker: 'Mo', text: 'And how close are you to that right now?' },
          { speaker: 'Gareth', text: "Not as close as I'd like.", direction: 'looks down' },
          { speaker: 'Mo', text: "That's honest. That gap is what we can work on." },
        ],
      },
      {
        heading: 'One small step',
        lines: [
          { speaker: 'Gareth', text: 'So where do I start?' },
          { speaker: 'Mo', text: 'Pick one small thing you can do this week.' },
          { speaker: 'Gareth', text: "I'll ring the kids when I say I will. Every time." },
          { speaker: 'Mo', text: "That's a solid goal. Let's write it down." },
        ],
      },
    ],
  },
  {
    slug: 'a-good-life',
    title: 'A Good Life',
    characters: [RYAN, CRAIG],
    scenes: [
      {
        heading: 'On a bench in the park',
        lines: [
          { speaker: 'Craig', text: 'So what do you actually want, Ry? Long term?' },
          { speaker: 'Ryan', text: 'Dunno. Just to stay out of trouble.', direction: 'shrugs' },
          { speaker: 'Craig', text: "That's what you don't want. What do you want?" },
          { speaker: 'Ryan', text: 'A proper job. My own place. Playing five-a-side again.' },
        ],
      },
      {
        heading: 'Filling in the picture',
        lines: [
          { speaker: 'Craig', text: "And who's around you in that picture?" },
          { speaker: 'Ryan', text: 'People who trust me. Leanne, if she wants to be there.' },
          { speaker: 'Craig', text: 'How do you get that trust back?' },
          {
            speaker: 'Ryan',
            text: "By being someone who's safe to be around.",
            direction: 'quietly',
          },
        ],
      },
      {
        heading: 'Walking home',
        lines: [
          { speaker: 'Craig', text: "You've got more going for you than you think." },
          { speaker: 'Ryan', text: 'I used to be the one who sorted the footy out.' },
          { speaker: 'Craig', text: 'Then get a game together this week.' },
          { speaker: 'Ryan', text: 'Yeah. Maybe I will.', direction: 'smiles' },
        ],
      },
    ],
  },
  {
    slug: 'hidden-strengths',
    title: 'Hidden Strengths',
    characters: [DEAN, SAM],
    scenes: [
      {
        heading: '"Not good at anything"',
        lines: [
          { speaker: 'Sam', text: "Tell me something you're good at, Dean." },
          { speaker: 'Dean', text: 'Getting into trouble?', direction: 'laughs' },
          { speaker: 'Sam', text: 'Apart from that.' },
          { speaker: 'Dean', text: "Nothing really. I'm not the clever type." },
        ],
      },
      {
        heading: 'Looking again',
        lines: [
          { speaker: 'Sam', text: "Who sorted your nan's garden last summer?" },
          { speaker: 'Dean', text: "Me. She can't manage it any more." },
          { speaker: 'Sam', text: 'So you care about people. And you stick at hard jobs.' },
          { speaker: 'Dean', text: 'Never thought of it like that.', direction: 'pauses' },
        ],
      },
      {
        heading: 'Putting strengths to work',
        lines: [
          { speaker: 'Sam', text: 'How could those strengths help you now?' },
          { speaker: 'Dean', text: "Sticking at this, I suppose. Even when it's hard." },
          { speaker: 'Sam', text: "Exactly. You've already got tools to build with." },
        ],
      },
    ],
  },
  {
    slug: 'safety-plan',
    title: 'The Safety Plan',
    characters: [JORDAN, PRIYA],
    scenes: [
      {
        heading: 'Why bother with a plan?',
        lines: [
          { speaker: 'Priya', text: "Let's make a plan for when things start to build up." },
          { speaker: 'Jordan', text: "I don't need a plan. I'm fine now." },
          { speaker: 'Priya', text: 'Maybe. But pilots still use checklists on a good day.' },
          { speaker: 'Jordan', text: 'Fair point.', direction: 'half smiles' },
        ],
      },
      {
        heading: 'Writing it down',
        lines: [
          { speaker: 'Priya', text: 'What are your early warning signs?' },
          { speaker: 'Jordan', text: 'Going quiet. Drinking more. Wanting to check her phone.' },
          { speaker: 'Priya', text: 'Good. And what will you do when you notice them?' },
          { speaker: 'Jordan', text: 'Take a time-out. Go for a walk. Ring my cousin.' },
          { speaker: 'Priya', text: 'And who could you call if you are worried?' },
          { speaker: 'Jordan', text: 'My cousin Luke. Or you, in office hours.' },
        ],
      },
      {
        heading: 'Keeping it handy',
        lines: [
          { speaker: 'Priya', text: 'Where will you keep the plan?' },
          { speaker: 'Jordan', text: 'On my phone. I always have that on me.' },
          { speaker: 'Priya', text: "Great. We'll look at it again each week." },
        ],
      },
    ],
  },
  {
    slug: 'time-out',
    title: 'Taking a Time-Out',
    characters: [DEAN, KAYLEIGH, SAM],
    scenes: [
      {
        heading: 'Sam explains',
        lines: [
          { speaker: 'Sam', text: 'A time-out is a planned break when things get heated.' },
          { speaker: 'Dean', text: 'So I just walk off?' },
          { speaker: 'Sam', text: "No. You agree it first, when you're both calm." },
          { speaker: 'Sam', text: "Then you say you're taking a break, and when you'll be back." },
        ],
      },
      {
        heading: 'Agreeing it at home',
        lines: [
          { speaker: 'Dean', text: 'Kay, can we agree something for when we argue?' },
          { speaker: 'Kayleigh', text: 'Go on.', direction: 'wary' },
          { speaker: 'Dean', text: "If I feel it building, I'll say I need a time-out." },
          { speaker: 'Dean', text: "I'll go for a walk. No drink. Back within the hour." },
          { speaker: 'Kayleigh', text: 'And then we talk properly? Not just drop it?' },
          { speaker: 'Dean', text: "Yeah. When we're both calm." },
        ],
      },
      {
        heading: 'Using it for real',
        lines: [
          { speaker: 'Kayleigh', text: "You said you'd sort the phone bill. It's overdue again." },
          {
            speaker: 'Dean',
            text: "I'm getting wound up. I need a time-out.",
            direction: 'breathes out',
          },
          { speaker: 'Dean', text: "I'll be back by eight. Then we'll sort it." },
          { speaker: 'Kayleigh', text: 'Okay. Eight.', direction: 'nods' },
        ],
      },
    ],
  },
  {
    slug: 'in-my-corner',
    title: 'In My Corner',
    characters: [GARETH, MO, BETHAN],
    scenes: [
      {
        heading: "Who's around?",
        lines: [
          { speaker: 'Mo', text: 'Who could you talk to when things get tough?' },
          { speaker: 'Gareth', text: 'No one. I keep myself to myself.' },
          { speaker: 'Mo', text: 'What about your sister? You mentioned Bethan.' },
          { speaker: 'Gareth', text: "She'd only give me a lecture." },
        ],
      },
      {
        heading: 'A phone call',
        lines: [
          {
            speaker: 'Gareth',
            text: "Beth, it's me. Have you got a minute?",
            direction: 'nervous',
          },
          { speaker: 'Bethan', text: 'Course I have. You alright?' },
          { speaker: 'Gareth', text: "Not really. I'm trying to sort myself out." },
          { speaker: 'Bethan', text: "Then I'm glad you rang. What do you need?" },
          { speaker: 'Gareth', text: 'Just someone to talk to, now and then.' },
        ],
      },
      {
        heading: 'Back with Mo',
        lines: [
          { speaker: 'Gareth', text: "She didn't lecture me. She just listened." },
          { speaker: 'Mo', text: 'People often want to help. They just need asking.' },
          { speaker: 'Gareth', text: "I've put her number at the top of my plan." },
        ],
      },
    ],
  },

  // Thinking
  {
    slug: 'the-thinking-trap',
    title: 'The Thinking Trap',
    characters: [RYAN, LEANNE],
    scenes: [
      {
        heading: 'A late text',
        lines: [
          { speaker: 'Ryan', text: "'Running late, home about seven.'", direction: 'reads a text' },
          { speaker: 'Ryan', text: 'Typical. She never thinks about me.', direction: 'to himself' },
          { speaker: 'Ryan', text: "She always does this. It's always about her." },
        ],
      },
      {
        heading: 'Leanne gets home',
        lines: [
          { speaker: 'Leanne', text: 'Sorry, love. The bus broke down.' },
          { speaker: 'Ryan', text: "Right. I'd got myself worked up.", direction: 'stops himself' },
          { speaker: 'Leanne', text: 'About what?' },
          { speaker: 'Ryan', text: "I told myself you never think about me. That's not true." },
        ],
      },
      {
        heading: 'Spotting the trap',
        lines: [
          { speaker: 'Leanne', text: 'What made you stop?' },
          { speaker: 'Ryan', text: "I noticed the words 'always' and 'never'. That's a trap." },
          { speaker: 'Leanne', text: 'Look at you, all wise.', direction: 'smiles' },
          { speaker: 'Ryan', text: "Don't get used to it.", direction: 'laughs' },
        ],
      },
    ],
  },
  {
    slug: 'jealous-thoughts',
    title: 'Jealous Thoughts',
    characters: [JORDAN, CHLOE, PRIYA],
    scenes: [
      {
        heading: 'A night out',
        lines: [
          { speaker: 'Chloe', text: "I'm going for a drink with the girls from work." },
          { speaker: 'Jordan', text: 'Who else is going?', direction: 'looks up from phone' },
          { speaker: 'Chloe', text: 'Just the girls. Why?' },
          { speaker: 'Jordan', text: 'No reason. Have a good time.' },
        ],
      },
      {
        heading: 'Jordan at home',
        lines: [
          {
            speaker: 'Jordan',
            text: "What if she meets someone? What if she's lying?",
            direction: 'paces',
          },
          { speaker: 'Jordan', text: 'I could text her. Just to check.' },
          {
            speaker: 'Jordan',
            text: "No. That's the jealousy talking. Not the facts.",
            direction: 'puts phone down',
          },
        ],
      },
      {
        heading: 'Talking to Priya',
        lines: [
          { speaker: 'Priya', text: 'What did you do with those jealous thoughts?' },
          { speaker: 'Jordan', text: 'Watched the match. Let the thoughts come and go.' },
          { speaker: 'Priya', text: 'And how did the night end?' },
          { speaker: 'Jordan', text: "She came home happy. Told me about her mate's new job." },
          { speaker: 'Priya', text: 'Trusting her gave you both a better night.' },
        ],
      },
    ],
  },
  {
    slug: 'assuming-the-worst',
    title: 'Assuming the Worst',
    characters: [MARCUS, JADE],
    scenes: [
      {
        heading: 'At the barbecue',
        lines: [
          { speaker: 'Jade', text: "Oh, that's so funny!", direction: 'laughing with friends' },
          { speaker: 'Marcus', text: "They're laughing at me. She's making me look stupid." },
          { speaker: 'Marcus', text: "I'm not having that.", direction: 'jaw tight' },
        ],
      },
      {
        heading: 'On the walk home',
        lines: [
          { speaker: 'Marcus', text: 'What was so funny back there?' },
          { speaker: 'Jade', text: "Sasha's dog ate her birthday cake. Why?" },
          { speaker: 'Marcus', text: 'I thought you were laughing at me.', direction: 'pauses' },
          { speaker: 'Jade', text: 'Why would I do that?' },
        ],
      },
      {
        heading: 'Thinking it over',
        lines: [
          { speaker: 'Marcus', text: 'I do that a lot. Decide people mean the worst.' },
          { speaker: 'Jade', text: 'Maybe ask first, before you decide?' },
          { speaker: 'Marcus', text: 'Yeah. Ask first. I can do that.' },
          { speaker: 'Jade', text: 'And the cake really was funny.', direction: 'grins' },
        ],
      },
    ],
  },
  {
    slug: 'voice-in-my-head',
    title: 'The Voice in My Head',
    characters: [DEAN, SAM],
    scenes: [
      {
        heading: 'The letter',
        lines: [
          {
            speaker: 'Dean',
            text: "Didn't get the job. Course I didn't.",
            direction: 'reads a letter',
          },
          { speaker: 'Dean', text: "Who'd want someone like me? I'm useless." },
          { speaker: 'Dean', text: 'Might as well not bother.', direction: 'screws up the letter' },
        ],
      },
      {
        heading: 'Talking it through',
        lines: [
          { speaker: 'Sam', text: 'What did you say to yourself when you read it?' },
          { speaker: 'Dean', text: "That I'm useless. That I should give up." },
          { speaker: 'Sam', text: "Would you say that to a mate who didn't get a job?" },
          { speaker: 'Dean', text: "No. I'd say keep going, something will turn up." },
          { speaker: 'Sam', text: 'So what if you talked to yourself like that?' },
        ],
      },
      {
        heading: 'Trying again',
        lines: [
          {
            speaker: 'Dean',
            text: 'Okay. Not this time. But I got an interview.',
            direction: 'deep breath',
          },
          { speaker: 'Dean', text: "That's more than last month. I'll apply for two more." },
          { speaker: 'Sam', text: "That's the voice of someone moving forward." },
        ],
      },
    ],
  },
  {
    slug: 'sorting-it-out',
    title: 'Sorting It Out',
    characters: [RYAN, LEANNE],
    scenes: [
      {
        heading: 'The letter from the landlord',
        lines: [
          {
            speaker: 'Leanne',
            text: "The rent's gone up. We're short this month.",
            direction: 'holds a letter',
          },
          { speaker: 'Ryan', text: 'Brilliant. Just what we need.', direction: 'rubs his face' },
          { speaker: 'Leanne', text: "Getting stressed about it won't pay it." },
          { speaker: 'Ryan', text: "I know. Let's sit down and sort it properly." },
        ],
      },
      {
        heading: 'Listing ideas',
        lines: [
          { speaker: 'Ryan', text: "Right. What's the actual problem?" },
          { speaker: 'Leanne', text: 'We need eighty quid more by Friday.' },
          { speaker: 'Ryan', text: 'Ideas, then. I could ask for an extra shift.' },
          { speaker: 'Leanne', text: 'We could ring the landlord. Ask for another week.' },
          { speaker: 'Ryan', text: 'And cut out takeaways for a bit.' },
        ],
      },
      {
        heading: 'Picking a plan',
        lines: [
          { speaker: 'Leanne', text: 'Which one first?' },
          { speaker: 'Ryan', text: 'Extra shift and ring the landlord. Both today.' },
          { speaker: 'Leanne', text: "And if it doesn't work?" },
          { speaker: 'Ryan', text: 'Then we try the next idea. Together.' },
        ],
      },
    ],
  },
  {
    slug: 'in-her-shoes',
    title: 'In Her Shoes',
    characters: [MARCUS, JADE],
    scenes: [
      {
        heading: 'Home late',
        lines: [
          { speaker: 'Jade', text: "It's gone eleven. You didn't text.", direction: 'arms folded' },
          { speaker: 'Marcus', text: "I was only at Dev's. Why the fuss?" },
          { speaker: 'Jade', text: "Because I didn't know where you were." },
        ],
      },
      {
        heading: 'Marcus thinks it over',
        lines: [
          {
            speaker: 'Marcus',
            text: "If she'd done that, I'd be worried too.",
            direction: 'sits on the stairs',
          },
          { speaker: 'Marcus', text: "She wasn't nagging. She was scared something had happened." },
          { speaker: 'Marcus', text: "I'd want a text. That's all she wanted." },
        ],
      },
      {
        heading: 'Putting it right',
        lines: [
          { speaker: 'Marcus', text: "Jade, I'm sorry. I should have texted." },
          { speaker: 'Jade', text: "Thank you. I was worried, that's all." },
          { speaker: 'Marcus', text: "I get that now. I'll let you know next time." },
          { speaker: 'Jade', text: "And I'll stop pacing the kitchen.", direction: 'smiles' },
        ],
      },
    ],
  },

  // Emotions
  {
    slug: 'warning-lights',
    title: 'Warning Lights',
    characters: [GARETH, FFION, MO],
    scenes: [
      {
        heading: 'In the kitchen',
        lines: [
          { speaker: 'Ffion', text: 'Did you ring the garage about the car?' },
          { speaker: 'Gareth', text: "I said I'd do it, didn't I?", direction: 'snaps' },
          { speaker: 'Ffion', text: "There's no need to snap at me." },
        ],
      },
      {
        heading: 'Mo asks',
        lines: [
          { speaker: 'Mo', text: 'Before you snapped, what was your body doing?' },
          { speaker: 'Gareth', text: 'Jaw tight. Hot in the face. Fists a bit clenched.' },
          { speaker: 'Mo', text: 'Those are your warning lights. Like on a dashboard.' },
          { speaker: 'Gareth', text: "Now you're talking my language.", direction: 'laughs' },
        ],
      },
      {
        heading: 'The next time',
        lines: [
          { speaker: 'Ffion', text: 'Any luck with the garage?' },
          {
            speaker: 'Gareth',
            text: "Not yet. I'm a bit wound up. Give me five minutes.",
            direction: 'notices his jaw, breathes out',
          },
          { speaker: 'Ffion', text: 'Okay. Thanks for saying.' },
          { speaker: 'Gareth', text: "Right. I'll ring them now.", direction: 'calmer' },
        ],
      },
    ],
  },
  {
    slug: 'under-the-anger',
    title: "What's Under the Anger",
    characters: [DEAN, KAYLEIGH, SAM],
    scenes: [
      {
        heading: 'Weekend plans',
        lines: [
          { speaker: 'Kayleigh', text: "I'm taking Kai to my mum's on Saturday." },
          {
            speaker: 'Dean',
            text: 'Oh, great. Nobody asks me anything.',
            direction: 'raises voice',
          },
          { speaker: 'Kayleigh', text: "Dean, you're shouting." },
          {
            speaker: 'Dean',
            text: "Sorry. I'm going outside for a bit.",
            direction: 'lowers voice',
          },
        ],
      },
      {
        heading: 'With Sam',
        lines: [
          { speaker: 'Sam', text: 'Anger is often the top layer. What was underneath?' },
          { speaker: 'Dean', text: "I felt left out. Like her family don't want me there." },
          { speaker: 'Sam', text: 'So, hurt. Maybe a bit of worry too?' },
          {
            speaker: 'Dean',
            text: "Yeah. Worry they think I'm a bad lot.",
            direction: 'nods slowly',
          },
        ],
      },
      {
        heading: 'Saying what is underneath',
        lines: [
          { speaker: 'Dean', text: "Kay, when you said about your mum's, I felt left out." },
          { speaker: 'Kayleigh', text: "I didn't know that. I thought you hated going." },
          { speaker: 'Dean', text: "I'd like to come sometimes. If that's okay with you." },
          { speaker: 'Kayleigh', text: "Let's talk about next time, then." },
        ],
      },
    ],
  },
  {
    slug: 'under-the-anger-female',
    title: "What's Under the Anger (female version)",
    characters: [STACEY, LEE, SAM],
    variantOf: 'under-the-anger',
    variantAudience: 'female',
    scenes: [
      {
        heading: 'Weekend plans',
        lines: [
          { speaker: 'Lee', text: "I'm going to my brother's on Saturday for the match." },
          {
            speaker: 'Stacey',
            text: 'Oh, great. Nobody asks me anything.',
            direction: 'raises voice',
          },
          { speaker: 'Lee', text: "Stace, you're shouting." },
          {
            speaker: 'Stacey',
            text: "Sorry. I'm going outside for a bit.",
            direction: 'lowers voice',
          },
        ],
      },
      {
        heading: 'With Sam',
        lines: [
          { speaker: 'Sam', text: 'Anger is often the top layer. What was underneath?' },
          { speaker: 'Stacey', text: "I felt left out. Like his family don't want me there." },
          { speaker: 'Sam', text: 'So, hurt. Maybe a bit of worry too?' },
          {
            speaker: 'Stacey',
            text: 'Yeah. Worry they all think badly of me.',
            direction: 'nods slowly',
          },
        ],
      },
      {
        heading: 'Saying what is underneath',
        lines: [
          { speaker: 'Stacey', text: 'Lee, when you said about Saturday, I felt left out.' },
          { speaker: 'Lee', text: "I didn't know that. I thought you hated football." },
          { speaker: 'Stacey', text: 'I do. But I would like to be asked.', direction: 'laughs' },
          { speaker: 'Lee', text: 'Fair enough. Come next time, if you want.' },
        ],
      },
    ],
  },
  {
    slug: 'carrying-shame',
    title: 'Carrying Shame',
    characters: [JORDAN, LUKE, PRIYA],
    scenes: [
      {
        heading: 'After court',
        lines: [
          { speaker: 'Luke', text: "You've been dead quiet for weeks, mate." },
          {
            speaker: 'Jordan',
            text: "Everyone knows what I did. I'm a waste of space.",
            direction: 'looks at the floor',
          },
          { speaker: 'Luke', text: "You did something wrong. That's not all you are." },
        ],
      },
      {
        heading: 'With Priya',
        lines: [
          { speaker: 'Priya', text: 'How do you feel when you think about what happened?' },
          { speaker: 'Jordan', text: 'Sick. Like I want to hide. Or I just get angry.' },
          { speaker: 'Priya', text: "That sounds like shame. It says you're a bad person." },
          { speaker: 'Priya', text: 'Guilt is different. It says I did wrong, and I can change.' },
          { speaker: 'Jordan', text: 'So guilt is more useful?' },
          { speaker: 'Priya', text: 'It can be. It points you towards putting things right.' },
        ],
      },
      {
        heading: 'Choosing who to be',
        lines: [
          { speaker: 'Jordan', text: "I can't change what I did." },
          { speaker: 'Priya', text: 'No. But you can choose who you are from now on.' },
          {
            speaker: 'Jordan',
            text: 'Then I want to be someone people feel safe around.',
            direction: 'sits up',
          },
        ],
      },
    ],
  },
  {
    slug: 'stress-bucket',
    title: 'The Stress Bucket',
    characters: [RYAN, CRAIG],
    scenes: [
      {
        heading: 'A bad week',
        lines: [
          { speaker: 'Craig', text: 'You look done in, mate.' },
          { speaker: 'Ryan', text: "Work's mad. Money's tight. Not sleeping. It's all piling up." },
          { speaker: 'Craig', text: 'Sounds like your bucket is full.' },
          { speaker: 'Ryan', text: 'My what?' },
        ],
      },
      {
        heading: 'The bucket',
        lines: [
          { speaker: 'Craig', text: 'Picture a bucket. Every stress pours a bit more in.' },
          {
            speaker: 'Craig',
            text: "If it gets too full, it spills over. That's when people snap.",
          },
          { speaker: 'Ryan', text: 'So how do you empty it?' },
          { speaker: 'Craig', text: 'You need taps. Things that let some stress out.' },
        ],
      },
      {
        heading: 'Finding taps',
        lines: [
          { speaker: 'Ryan', text: 'Footy helps. And walking the dog.' },
          { speaker: 'Craig', text: 'Drinking feels like a tap. But it fills the bucket back up.' },
          { speaker: 'Ryan', text: 'Fair. So footy on Tuesday, and the dog every night.' },
          { speaker: 'Craig', text: 'And a brew with your big brother.', direction: 'grins' },
        ],
      },
    ],
  },
  {
    slug: 'breathe-it-out',
    title: 'Breathe It Out',
    characters: [MARCUS, JADE],
    scenes: [
      {
        heading: 'Stuck in traffic',
        lines: [
          {
            speaker: 'Marcus',
            text: "Come on! We'll be late for your mum's.",
            direction: 'grips the wheel',
          },
          { speaker: 'Jade', text: "It's fine. She won't mind." },
          { speaker: 'Marcus', text: "It's not fine. I hate being late." },
        ],
      },
      {
        heading: 'Slow breathing',
        lines: [
          { speaker: 'Marcus', text: 'Okay. Breathe in for four.', direction: 'to himself' },
          { speaker: 'Marcus', text: 'Out for six. And again.', direction: 'breathes slowly' },
          { speaker: 'Jade', text: 'Is that the thing from probation?', direction: 'quietly' },
          { speaker: 'Marcus', text: 'Yeah. Feels daft. But it works.' },
        ],
      },
      {
        heading: 'Arriving',
        lines: [
          { speaker: 'Marcus', text: 'I feel better now. Sorry for going on.' },
          { speaker: 'Jade', text: "You calmed yourself down. That's good to see." },
          { speaker: 'Marcus', text: "I'll text your mum. Say we're ten minutes late." },
          { speaker: 'Jade', text: 'See? Sorted.', direction: 'smiles' },
        ],
      },
    ],
  },

  // Relationships
  {
    slug: 'respect-or-control',
    title: 'Respect or Control?',
    characters: [JORDAN, CHLOE, PRIYA],
    scenes: [
      {
        heading: 'Getting ready to go out',
        lines: [
          { speaker: 'Jordan', text: "You're not wearing that out, are you?" },
          { speaker: 'Chloe', text: "What's wrong with it?", direction: 'stops' },
          { speaker: 'Jordan', text: 'Nothing. Just... people will look.' },
          { speaker: 'Chloe', text: "It's my choice what I wear, Jordan." },
        ],
      },
      {
        heading: 'With Priya',
        lines: [
          { speaker: 'Priya', text: 'What were you hoping would happen when you said that?' },
          { speaker: 'Jordan', text: "That she'd change. So I'd feel less worried." },
          { speaker: 'Priya', text: 'So you tried to fix your worry by changing her choice?' },
          { speaker: 'Jordan', text: 'When you put it like that, yeah.', direction: 'pauses' },
          {
            speaker: 'Priya',
            text: 'Respect means she gets to choose, even when you feel worried.',
          },
        ],
      },
      {
        heading: 'Putting it right',
        lines: [
          { speaker: 'Jordan', text: 'Chloe, sorry about earlier. What you wear is up to you.' },
          { speaker: 'Chloe', text: 'Thank you. That means a lot.' },
          { speaker: 'Jordan', text: "If I'm worried, that's mine to deal with." },
        ],
      },
    ],
  },
  {
    slug: 'really-listening',
    title: 'Really Listening',
    characters: [RYAN, LEANNE],
    scenes: [
      {
        heading: 'Half listening',
        lines: [
          { speaker: 'Leanne', text: 'My manager had a go at me today. In front of everyone.' },
          { speaker: 'Ryan', text: 'Mm. Did you get bread?', direction: 'looking at phone' },
          { speaker: 'Leanne', text: 'Forget it.', direction: 'sighs' },
        ],
      },
      {
        heading: 'Second try',
        lines: [
          {
            speaker: 'Ryan',
            text: "Sorry. I wasn't listening. Tell me again?",
            direction: 'puts phone down',
          },
          { speaker: 'Leanne', text: 'My manager shouted at me in front of the residents.' },
          { speaker: 'Ryan', text: 'That sounds awful. How did you feel?' },
          { speaker: 'Leanne', text: 'Small. Embarrassed. I nearly cried.' },
        ],
      },
      {
        heading: 'Listening, not fixing',
        lines: [
          { speaker: 'Ryan', text: 'Do you want ideas, or do you want me to just listen?' },
          { speaker: 'Leanne', text: 'Just listen, for now.' },
          { speaker: 'Ryan', text: "Okay. I'm here. Go on.", direction: 'nods' },
          { speaker: 'Leanne', text: 'Thanks. That actually helps.', direction: 'relaxes' },
        ],
      },
    ],
  },
  {
    slug: 'really-listening-same-sex-male',
    title: 'Really Listening (same-sex male version)',
    characters: [RYAN, AARON],
    variantOf: 'really-listening',
    variantAudience: 'same-sex-male',
    scenes: [
      {
        heading: 'Half listening',
        lines: [
          { speaker: 'Aaron', text: 'The ward sister had a go at me today. In front of everyone.' },
          { speaker: 'Ryan', text: 'Mm. Did you get bread?', direction: 'looking at phone' },
          { speaker: 'Aaron', text: 'Forget it.', direction: 'sighs' },
        ],
      },
      {
        heading: 'Second try',
        lines: [
          {
            speaker: 'Ryan',
            text: "Sorry. I wasn't listening. Tell me again?",
            direction: 'puts phone down',
          },
          { speaker: 'Aaron', text: 'She told me off in front of the patients.' },
          { speaker: 'Ryan', text: 'That sounds awful. How did you feel?' },
          { speaker: 'Aaron', text: 'Like a kid in trouble. Gutted, to be honest.' },
        ],
      },
      {
        heading: 'Listening, not fixing',
        lines: [
          { speaker: 'Ryan', text: 'Do you want ideas, or do you want me to just listen?' },
          { speaker: 'Aaron', text: 'Just listen, for now.' },
          { speaker: 'Ryan', text: "Okay. I'm here. Go on.", direction: 'nods' },
          { speaker: 'Aaron', text: 'Cheers. That actually helps.', direction: 'relaxes' },
        ],
      },
    ],
  },
  {
    slug: 'disagreeing-safely',
    title: 'Disagreeing Safely',
    characters: [GARETH, FFION],
    scenes: [
      {
        heading: 'The school trip',
        lines: [
          {
            speaker: 'Ffion',
            text: "The school trip is a hundred and twenty quid. I've said yes.",
          },
          { speaker: 'Gareth', text: 'You said yes without asking me?', direction: 'voice rising' },
          { speaker: 'Ffion', text: 'Here we go.', direction: 'sighs' },
          { speaker: 'Gareth', text: 'Hang on. Let me start again.', direction: 'stops, breathes' },
        ],
      },
      {
        heading: 'Starting again',
        lines: [
          { speaker: 'Gareth', text: "I'm worried about money. I'd like to be asked first." },
          { speaker: 'Ffion', text: "That's fair. I panicked because the form was due." },
          { speaker: 'Gareth', text: 'Can we look at the money together tonight?' },
          { speaker: 'Ffion', text: "Yes. I'd like that." },
        ],
      },
      {
        heading: 'Rules for rows',
        lines: [
          { speaker: 'Gareth', text: 'Talk about the problem, not about each other.' },
          { speaker: 'Ffion', text: 'No shouting. No dragging up old stuff.' },
          { speaker: 'Gareth', text: 'And if it gets heated, we take a break.' },
          { speaker: 'Ffion', text: 'Look at us. Like a proper team.', direction: 'smiles' },
        ],
      },
    ],
  },
  {
    slug: 'through-kais-eyes',
    title: "Through Kai's Eyes",
    characters: [DEAN, KAYLEIGH, KAI],
    scenes: [
      {
        heading: 'At the tea table',
        lines: [
          { speaker: 'Kayleigh', text: 'Kai, eat your tea, love.' },
          { speaker: 'Kai', text: 'Are you and Dad going to shout again?', direction: 'quietly' },
          { speaker: 'Dean', text: 'Why do you ask that, mate?', direction: 'puts fork down' },
          { speaker: 'Kai', text: "I don't like it. I put my music on loud in my room." },
        ],
      },
      {
        heading: 'After tea',
        lines: [
          { speaker: 'Dean', text: "I thought he didn't notice. He's always in his room." },
          { speaker: 'Kayleigh', text: 'He notices everything, Dean.' },
          { speaker: 'Dean', text: "He's in his room because of us.", direction: 'quietly' },
        ],
      },
      {
        heading: 'Bedtime',
        lines: [
          { speaker: 'Dean', text: "Kai, grown-up rows aren't your job to worry about." },
          { speaker: 'Dean', text: "I'm learning to stay calm. That's my job, not yours." },
          { speaker: 'Kai', text: 'Promise?' },
          {
            speaker: 'Dean',
            text: "I'm working on it every day. You can always tell me if you're scared.",
          },
          { speaker: 'Kai', text: 'Okay, Dad.', direction: 'hugs him' },
        ],
      },
    ],
  },
  {
    slug: 'rebuilding-trust',
    title: 'Rebuilding Trust',
    characters: [MARCUS, JADE, SAM],
    scenes: [
      {
        heading: 'Not there yet',
        lines: [
          {
            speaker: 'Marcus',
            text: "I've done everything right for months. Why don't you trust me?",
          },
          { speaker: 'Jade', text: "It takes time, Marcus. I'm still a bit on edge." },
          { speaker: 'Marcus', text: "So what's the point?", direction: 'sighs' },
        ],
      },
      {
        heading: 'With Sam',
        lines: [
          { speaker: 'Sam', text: 'Trust breaks fast. It comes back slowly.' },
          { speaker: 'Marcus', text: 'Like a bank. You pay in, a bit at a time.' },
          { speaker: 'Sam', text: "Exactly. And Jade decides when it's enough, not you." },
          { speaker: 'Marcus', text: "That's hard to hear. But it's fair." },
        ],
      },
      {
        heading: 'Paying in',
        lines: [
          { speaker: 'Marcus', text: "I won't rush you. I'll just keep showing up." },
          { speaker: 'Jade', text: "That means a lot. I've noticed you're calmer." },
          { speaker: 'Marcus', text: "Yeah? I'll keep at it, then." },
          { speaker: 'Jade', text: "Good. Tea's on, by the way.", direction: 'small smile' },
        ],
      },
    ],
  },
]
