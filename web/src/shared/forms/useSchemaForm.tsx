import type { ErrorCode } from '#shared/errors';
import { Alert, Form, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import type { output, ZodType } from 'zod';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useLang } from '../i18n/useLang';
import { applyApiError, validateForm, type FieldPath } from './form-errors';

/** What went wrong with the last submit that could not be shown on a field. */
export type FormProblem = { kind: 'api'; error: unknown } | { kind: 'local'; messages: string[] } | null;

/**
 * An AntD form validated by a contract schema: `validate` runs Schema.safeParse and marks fields,
 * `showApiError` maps the server's answer onto fields, `problem` is whatever is left for an alert.
 */
export function useSchemaForm<V = Record<string, unknown>>() {
  // Untyped inside: field paths come from schemas and API issues, not from V.
  const [form] = Form.useForm();
  const lang = useLang();
  const [problem, setProblem] = useState<FormProblem>(null);

  const validate = useCallback(
    <S extends ZodType>(schema: S, values: unknown): output<S> | null => {
      setProblem(null);
      const result = validateForm(form, schema, values, lang);
      if (result.data === null && result.general.length > 0) {
        setProblem({ kind: 'local', messages: result.general });
      }
      return result.data;
    },
    [form, lang],
  );

  const showApiError = useCallback(
    (error: unknown, codeFields?: Partial<Record<ErrorCode, FieldPath>>) => {
      const handled = applyApiError(form, error, lang, codeFields);
      setProblem(handled ? null : { kind: 'api', error });
    },
    [form, lang],
  );

  const clearProblem = useCallback(() => setProblem(null), []);

  return { form: form as FormInstance<V>, validate, showApiError, problem, clearProblem };
}

/** Renders a FormProblem above a form; nothing when there is none. */
export function FormProblemAlert({ problem }: { problem: FormProblem }) {
  if (!problem) {
    return null;
  }
  if (problem.kind === 'api') {
    return <ErrorAlert error={problem.error} className="tn-form-alert" />;
  }
  return (
    <Alert
      className="tn-form-alert"
      type="error"
      showIcon
      role="alert"
      title={problem.messages.map((m) => (
        <div key={m}>{m}</div>
      ))}
    />
  );
}
