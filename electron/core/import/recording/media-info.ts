import { WorkbenchError } from '../../api/errors.js';

/** What a recording's own headers say about it. */
export interface MediaInfo {
  /** Seconds. */
  duration: number;
  container: string;
  codec: string;
  video: boolean;
}

/**
 * Codecs Chromium (the app's player) decodes, as music-metadata names them. A recording in
 * any other codec (IMA ADPCM, GSM, AMR, WMA, …) would import but never play, so it is
 * refused with the way to convert it.
 */
const PLAYABLE = /^(PCM|IEEE_FLOAT|Vorbis|Opus|MPEG (1|2|2\.5) Layer (2|3)|MPEG-4\/AAC|AAC|FLAC|mp4a|alaw|ulaw|A_OPUS|A_VORBIS|VP8|VP9|AV1|AVC|H\.?264|avc1)/i;

/** Reads duration and codec from the file's headers (music-metadata); the file is streamed, never held whole. */
export async function readMediaInfo(filePath: string, fileName: string): Promise<MediaInfo> {
  const { parseFile } = await import('music-metadata');
  let format;
  try {
    ({ format } = await parseFile(filePath, { duration: true, skipCovers: true }));
  } catch (error) {
    throw new WorkbenchError(
      'CORRUPT',
      `“${fileName}” could not be read as a recording (${(error as Error).message}). It may be damaged or only partly copied; import another copy of the recording.`,
      { fileName },
    );
  }
  const codec = format.codec ?? format.trackInfo.find((t) => t.codecName)?.codecName ?? '';
  if (!format.hasAudio && !format.hasVideo) {
    throw new WorkbenchError('CORRUPT', `“${fileName}” holds no sound or picture track. Import the recording itself.`, { fileName });
  }
  if (!PLAYABLE.test(codec)) {
    throw new WorkbenchError(
      'UNSUPPORTED',
      `“${fileName}” is encoded as ${codec || 'an unknown codec'}, which the workbench's player cannot play. Convert it to WAV (PCM), MP3, AAC (.m4a), Ogg Vorbis/Opus or WebM, e.g. with Audacity or “ffmpeg -i ${fileName} out.wav”, and import that. Nothing was added to your library.`,
      { fileName, codec },
    );
  }
  const duration = format.duration;
  if (duration === undefined || !Number.isFinite(duration) || duration <= 0) {
    throw new WorkbenchError('CORRUPT', `“${fileName}” does not say how long it is, and its length could not be worked out from its frames. It may be damaged or cut short; import another copy.`, { fileName });
  }
  return { duration, container: format.container ?? 'unknown', codec, video: format.hasVideo === true };
}
